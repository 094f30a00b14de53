package dev.evals.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.evals.json.Mappers;
import dev.evals.model.ToolCall;
import dev.evals.testing.CasesRoot;
import dev.evals.testing.ProviderAnswers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A flow run with reasoning on, end to end, against a stand-in of each provider. */
class ThinkingRunTest {

  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @RegisterExtension
  static WireMockExtension api =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @TempDir Path dir;
  private String setFlow;

  @BeforeEach
  void writeASuite() throws IOException {
    String expected =
        Files.readString(PROJECT.resolve("fixtures/flow/expected/single_step_temperature.json"));
    new CasesRoot(dir.resolve("suite"))
        .caseFile(
            "flow",
            """
            - id: flow-celsius
              prompt: Convert `celsius` to Fahrenheit in one step `convert_temperature`.
              expected: fixtures/flow/expected/celsius.json
              validate:
                exactTopLevelStepIds: [convert_temperature]
              toolExpect:
                requiredToolsUsed: [set_flow]
            """)
        .file("fixtures/flow/expected/celsius.json", expected);
    JsonNode flow = Mappers.json().readTree(expected);
    ObjectNode arguments = Mappers.json().createObjectNode();
    arguments.set("value", flow.get("value"));
    arguments.set("schema", flow.get("schema"));
    setFlow = arguments.toString();
  }

  private void stubTurns(String path, String first, String second) {
    api.stubFor(
        post(urlPathEqualTo(path))
            .inScenario(path)
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(first))
            .willSetStateTo("second"));
    api.stubFor(
        post(urlPathEqualTo(path))
            .inScenario(path)
            .whenScenarioStateIs("second")
            .willReturn(okJson(second)));
  }

  private CliRun run(String... options) {
    Map<String, String> env =
        Map.of(
            "ANTHROPIC_API_KEY",
            "k",
            "ANTHROPIC_BASE_URL",
            api.baseUrl(),
            "OPENAI_API_KEY",
            "k",
            "OPENAI_BASE_URL",
            api.baseUrl() + "/v1",
            "GEMINI_API_KEY",
            "k",
            "GEMINI_BASE_URL",
            api.baseUrl());
    String[] args = new String[options.length + 8];
    System.arraycopy(
        new String[] {
          "run", "flow", "--judge", "off", "--cases-dir", "suite", "--output", "r.json"
        },
        0,
        args,
        0,
        8);
    System.arraycopy(options, 0, args, 8, options.length);
    return CliRun.of(dir, env, args);
  }

  private JsonNode manifest() throws IOException {
    return Mappers.json().readTree(dir.resolve("r/run.json").toFile());
  }

  private JsonNode summary() throws IOException {
    return Mappers.json().readTree(dir.resolve("r.json").toFile());
  }

  @Test
  void anthropicWithAThinkingBudgetSendsItsThinkingBack() throws IOException {
    String thinking =
        "{\"type\": \"thinking\", \"thinking\": \"One rawscript step.\", \"signature\": \"EqSig1\"}";
    String toolUse =
        """
        {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-opus-4-6",
         "content": [%s, {"type": "tool_use", "id": "toolu_1", "name": "set_flow", "input": %s}],
         "stop_reason": "tool_use", "stop_sequence": null,
         "usage": {"input_tokens": 100, "cache_creation_input_tokens": 800,
                   "cache_read_input_tokens": 0, "output_tokens": 400}}
        """
            .formatted(thinking, setFlow);
    String done =
        """
        {"id": "msg_2", "type": "message", "role": "assistant", "model": "claude-opus-4-6",
         "content": [{"type": "text", "text": "The flow is ready."}],
         "stop_reason": "end_turn", "stop_sequence": null,
         "usage": {"input_tokens": 100, "cache_creation_input_tokens": 50,
                   "cache_read_input_tokens": 1250, "output_tokens": 20}}
        """;
    stubTurns("/v1/messages", toolUse, done);

    CliRun run = run("--model", "opus-4.6-thinking");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(summary().get("passedAttempts").asInt()).isEqualTo(1);
    assertThat(manifest().get("modelOptions").get("thinking").asText()).isEqualTo("8192");
    // 1250 of 2300 prompt tokens read at $0.50 instead of $5, 850 written at $6.25: $0.0046 saved.
    assertThat(run.out())
        .contains("prompt cache: 54.3% of prompt tokens read from the cache, saved $0.0046");
    assertThat(summary().get("promptCache").get("savedUsd").decimalValue())
        .isEqualByComparingTo("0.004563");
    api.verify(
        postRequestedFor(urlPathEqualTo("/v1/messages"))
            .withRequestBody(matchingJsonPath("$.thinking.budget_tokens", equalTo("8192")))
            .withRequestBody(matchingJsonPath("$.messages[1].content[0].type", equalTo("thinking")))
            .withRequestBody(
                matchingJsonPath("$.messages[1].content[0].signature", equalTo("EqSig1"))));
  }

  @Test
  void geminiWithAThinkingLevelSendsTheThoughtSignatureBack() throws IOException {
    String call =
        """
        {"candidates": [{"content": {"role": "model", "parts": [
            {"text": "Planning the step.", "thought": true},
            {"functionCall": {"name": "set_flow", "args": %s}, "thoughtSignature": "CjSig9"}]},
          "finishReason": "STOP", "index": 0}],
         "usageMetadata": {"promptTokenCount": 900, "candidatesTokenCount": 300,
           "thoughtsTokenCount": 200, "totalTokenCount": 1400}}
        """
            .formatted(setFlow);
    String done =
        """
        {"candidates": [{"content": {"role": "model", "parts": [{"text": "The flow is ready."}]},
          "finishReason": "STOP", "index": 0}],
         "usageMetadata": {"promptTokenCount": 1300, "candidatesTokenCount": 6,
           "totalTokenCount": 1306}}
        """;
    String path = "/v1beta/models/gemini-3-flash-preview:generateContent";
    stubTurns(path, call, done);

    CliRun run = run("--model", "gemini-3-flash-thinking");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(summary().get("passedAttempts").asInt()).isEqualTo(1);
    assertThat(manifest().get("modelOptions").get("thinking_level").asText()).isEqualTo("high");
    api.verify(
        postRequestedFor(urlPathEqualTo(path))
            .withRequestBody(
                matchingJsonPath(
                    "$.generationConfig.thinkingConfig.thinkingLevel", equalTo("high")))
            .withRequestBody(
                matchingJsonPath("$.contents[1].parts[0].thoughtSignature", equalTo("CjSig9"))));
  }

  @Test
  void openAiWithAReasoningEffortFromTheCommandLineRecordsItInRunJson() throws IOException {
    String path = "/v1/chat/completions";
    stubTurns(
        path,
        ProviderAnswers.openAiToolCall(new ToolCall("call_1", "set_flow", setFlow), 900, 400),
        ProviderAnswers.openAiText("The flow is ready.", 1300, 10));

    CliRun run = run("--model", "gpt-5.5", "--model-option", "reasoning_effort=xhigh");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(summary().get("passedAttempts").asInt()).isEqualTo(1);
    assertThat(manifest().get("modelOptions").get("reasoning_effort").asText()).isEqualTo("xhigh");
    api.verify(
        2,
        postRequestedFor(urlPathEqualTo(path))
            .withRequestBody(matchingJsonPath("$.reasoning_effort", equalTo("xhigh"))));
  }

  @Test
  void refusesAnOptionTheProviderDoesNotTakeBeforeAnyRequest() {
    CliRun run = run("--model", "haiku", "--model-option", "reasoning_effort=high");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "error: model option reasoning_effort=high for haiku: anthropic models take effort,"
                + " forced_tool, prompt_cache, temperature, thinking")
        .doesNotContain("Exception");
    assertThat(api.getAllServeEvents()).isEmpty();
  }

  @Test
  void refusesATooSmallThinkingBudget() {
    CliRun run = run("--model", "haiku", "--model-option", "thinking=12");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "model option thinking=12 for haiku: use a budget of at least 1024 tokens, adaptive"
                + " or off");
  }
}
