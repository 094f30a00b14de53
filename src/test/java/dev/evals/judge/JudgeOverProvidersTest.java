package dev.evals.judge;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.evals.config.Environment;
import dev.evals.json.Mappers;
import dev.evals.model.ModelRegistry;
import dev.evals.model.ModelSpec;
import dev.evals.model.ProviderSettings;
import dev.evals.model.Sleeper;
import dev.evals.model.providers.ChatModelFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The judge's forced structured output through each real provider adapter. */
class JudgeOverProvidersTest {

  @RegisterExtension
  static WireMockExtension api =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String CHECKLIST =
      "[{\"item\": \"converts\", \"met\": true, \"reason\": \"9/5+32\"}]";

  static List<Arguments> providers() {
    return List.of(
        Arguments.of(
            "haiku",
            "/v1/messages",
            """
            {"id": "msg", "type": "message", "role": "assistant", "model": "m",
             "content": [{"type": "tool_use", "id": "t1", "name": "submit_judgement",
                          "input": {"score": 87, "summary": "good", "checklist": %s}}],
             "stop_reason": "tool_use", "usage": {"input_tokens": 120, "output_tokens": 30}}
            """
                .formatted(CHECKLIST),
            "$.tool_choice.name"),
        Arguments.of(
            "4o",
            "/v1/chat/completions",
            """
            {"id": "c", "object": "chat.completion", "created": 1, "model": "gpt-4o",
             "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {"role": "assistant",
               "content": null, "tool_calls": [{"id": "call_1", "type": "function", "function": {
                 "name": "submit_judgement", "arguments": %s}}]}}],
             "usage": {"prompt_tokens": 120, "completion_tokens": 30, "total_tokens": 150}}
            """
                .formatted(
                    quoted(
                        "{\"score\": 87, \"summary\": \"good\", \"checklist\": "
                            + CHECKLIST
                            + "}")),
            "$.tool_choice.function.name"),
        Arguments.of(
            "gemini-flash",
            "/v1beta/models/gemini-2.5-flash:generateContent",
            """
            {"candidates": [{"content": {"role": "model", "parts": [{"functionCall": {
               "name": "submit_judgement", "args": {"score": 87.0, "summary": "good", "checklist": %s}}}]},
               "finishReason": "STOP"}],
             "usageMetadata": {"promptTokenCount": 120, "candidatesTokenCount": 30, "totalTokenCount": 150}}
            """
                .formatted(CHECKLIST),
            "$.toolConfig.functionCallingConfig.allowedFunctionNames[0]"));
  }

  @ParameterizedTest
  @MethodSource("providers")
  void forcesTheJudgementToolAndReadsTheScore(
      String alias, String path, String answer, String forcedToolPath) {
    forcesTheJudgementToolAndReadsTheScoreWith(
        alias, path, answer, forcedToolPath, "submit_judgement");
  }

  private void forcesTheJudgementToolAndReadsTheScoreWith(
      String alias, String path, String answer, String toolChoicePath, String toolChoice) {
    api.stubFor(
        post(urlPathEqualTo(path))
            .willReturn(
                aResponse().withHeader("Content-Type", "application/json").withBody(answer)));
    ModelSpec spec = ModelRegistry.builtIn(Mappers.yaml()).resolve(alias);
    Environment environment =
        Environment.of(
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
                api.baseUrl()));
    ChatModelFactory factory =
        new ChatModelFactory(
            environment, new ProviderSettings(0, Duration.ofSeconds(5), 2, Sleeper.REAL));
    Judge judge = new Judge(factory.create(spec), spec, JudgeSettings.defaults());

    Judgement judgement =
        judge.judge(
            new JudgeInput(
                "flow",
                "Convert celsius.",
                List.of("converts"),
                null,
                null,
                Mappers.json().createObjectNode().put("ok", true)));

    assertThat(judgement.succeeded()).as(String.valueOf(judgement.error())).isTrue();
    assertThat(judgement.score()).isEqualTo(87);
    assertThat(judgement.checklist()).extracting(ChecklistItem::item).containsExactly("converts");
    assertThat(judgement.toJson().toString()).contains("9/5+32");
    api.verify(
        postRequestedFor(urlPathEqualTo(path))
            .withRequestBody(matchingJsonPath(toolChoicePath, equalTo(toolChoice)))
            .withRequestBody(notContaining("\"temperature\"")));
  }

  /** Sonnet 5.5 answers a tool choice naming a tool with an error: it is asked with auto. */
  @org.junit.jupiter.api.Test
  void asksAModelThatRejectsForcedToolsWithAutoAndStillReadsTheJudgement() {
    Arguments anthropic = providers().get(0);
    forcesTheJudgementToolAndReadsTheScoreWith(
        "sonnet", "/v1/messages", (String) anthropic.get()[2], "$.tool_choice.type", "auto");
  }

  private static String quoted(String json) {
    try {
      return Mappers.json().writeValueAsString(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
