package dev.evals.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.evals.config.Environment;
import dev.evals.json.Mappers;
import dev.evals.model.ChatModel;
import dev.evals.model.ModelRegistry;
import dev.evals.model.ProviderSettings;
import dev.evals.model.ReadFileTool;
import dev.evals.model.Sleeper;
import dev.evals.model.providers.ChatModelFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every stop reason each provider documents, in the body shape it sends, through the real adapter
 * and the loop: how the loop ends, what it says, and that a cut-off tool call never runs.
 */
class StopReasonsTest {

  @RegisterExtension
  static WireMockExtension api =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  static final String ANTHROPIC = "/v1/messages";
  static final String OPENAI = "/v1/chat/completions";
  static final String GEMINI = "/v1beta/models/gemini-2.5-flash:generateContent";

  private final ReadFileTool tool = new ReadFileTool();

  static String anthropic(String stopReason, String content, String extra) {
    return """
        {"id": "msg_01", "type": "message", "role": "assistant", "model": "claude-haiku-5-5",
         "content": %s, "stop_reason": %s, "stop_sequence": null, %s
         "usage": {"input_tokens": 1200, "output_tokens": 40}}
        """
        .formatted(content, stopReason, extra);
  }

  static String openAi(String finishReason, String message) {
    return """
        {"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "gpt-4o",
         "choices": [{"index": 0, "finish_reason": "%s", "message": %s}],
         "usage": {"prompt_tokens": 1200, "completion_tokens": 40, "total_tokens": 1240}}
        """
        .formatted(finishReason, message);
  }

  static String gemini(String candidate) {
    return """
        {"candidates": [%s],
         "usageMetadata": {"promptTokenCount": 1200, "candidatesTokenCount": 40,
           "totalTokenCount": 1240},
         "modelVersion": "gemini-2.5-flash"}
        """
        .formatted(candidate);
  }

  static final String CUT_OFF_TOOL_USE =
      """
      [{"type": "text", "text": "I'll read it."},
       {"type": "tool_use", "id": "toolu_1", "name": "read_file", "input": {}}]
      """;

  static List<Arguments> endings() {
    return List.of(
        Arguments.of(
            "anthropic refusal",
            "haiku",
            ANTHROPIC,
            anthropic(
                "\"refusal\"",
                "[{\"type\": \"text\", \"text\": \"I can't help with that.\"}]",
                "\"stop_details\": {\"type\": \"refusal\", \"category\": \"cyber\","
                    + " \"explanation\": \"The request could enable malware development.\"},"),
            AgentResult.Stop.REFUSED,
            "refused: refusal (cyber: The request could enable malware development.)"),
        Arguments.of(
            "anthropic refusal without a category",
            "haiku",
            ANTHROPIC,
            anthropic(
                "\"refusal\"",
                "[]",
                "\"stop_details\": {\"type\": \"refusal\", \"category\": null,"
                    + " \"explanation\": null},"),
            AgentResult.Stop.REFUSED,
            "refused: refusal"),
        Arguments.of(
            "anthropic max_tokens",
            "haiku",
            ANTHROPIC,
            anthropic("\"max_tokens\"", CUT_OFF_TOOL_USE, ""),
            AgentResult.Stop.TRUNCATED,
            "cut off at the output limit (max_tokens); its 1 cut-off tool call(s) were not run"),
        Arguments.of(
            "anthropic model_context_window_exceeded",
            "haiku",
            ANTHROPIC,
            anthropic("\"model_context_window_exceeded\"", "[]", ""),
            AgentResult.Stop.CONTEXT_OVERFLOW,
            "context window exceeded at 1200 prompt tokens (model_context_window_exceeded)"),
        Arguments.of(
            "anthropic pause_turn",
            "haiku",
            ANTHROPIC,
            anthropic("\"pause_turn\"", "[]", ""),
            AgentResult.Stop.UNEXPECTED_STOP,
            "stop reason pause_turn"),
        Arguments.of(
            "anthropic unknown reason",
            "haiku",
            ANTHROPIC,
            anthropic("\"compaction_needed\"", "[]", ""),
            AgentResult.Stop.UNEXPECTED_STOP,
            "stop reason compaction_needed"),
        Arguments.of(
            "openai content_filter",
            "4o",
            OPENAI,
            openAi("content_filter", "{\"role\": \"assistant\", \"content\": null}"),
            AgentResult.Stop.REFUSED,
            "refused: content_filter"),
        Arguments.of(
            "openai refusal field",
            "4o",
            OPENAI,
            openAi(
                "stop",
                "{\"role\": \"assistant\", \"content\": null,"
                    + " \"refusal\": \"I'm sorry, I can't assist with that.\"}"),
            AgentResult.Stop.REFUSED,
            "refused: stop (I'm sorry, I can't assist with that.)"),
        Arguments.of(
            "openai length",
            "4o",
            OPENAI,
            openAi(
                "length",
                "{\"role\": \"assistant\", \"content\": null, \"tool_calls\": [{\"id\": \"call_1\","
                    + " \"type\": \"function\", \"function\": {\"name\": \"read_file\","
                    + " \"arguments\": \"{\\\"path\\\": \\\"flo\"}}]}"),
            AgentResult.Stop.TRUNCATED,
            "cut off at the output limit (length); its 1 cut-off tool call(s) were not run"),
        Arguments.of(
            "openai unknown reason",
            "4o",
            OPENAI,
            openAi("insufficient_system_resource", "{\"role\": \"assistant\", \"content\": \"\"}"),
            AgentResult.Stop.UNEXPECTED_STOP,
            "stop reason insufficient_system_resource"),
        Arguments.of(
            "gemini SAFETY",
            "gemini-flash",
            GEMINI,
            gemini(
                "{\"finishReason\": \"SAFETY\", \"index\": 0, \"safetyRatings\": [{\"category\":"
                    + " \"HARM_CATEGORY_DANGEROUS_CONTENT\", \"probability\": \"HIGH\","
                    + " \"blocked\": true}]}"),
            AgentResult.Stop.REFUSED,
            "refused: SAFETY"),
        Arguments.of(
            "gemini PROHIBITED_CONTENT",
            "gemini-flash",
            GEMINI,
            gemini("{\"finishReason\": \"PROHIBITED_CONTENT\", \"index\": 0}"),
            AgentResult.Stop.REFUSED,
            "refused: PROHIBITED_CONTENT"),
        Arguments.of(
            "gemini blocked prompt",
            "gemini-flash",
            GEMINI,
            """
            {"promptFeedback": {"blockReason": "PROHIBITED_CONTENT"},
             "usageMetadata": {"promptTokenCount": 1200, "totalTokenCount": 1200}}
            """,
            AgentResult.Stop.REFUSED,
            "refused: PROHIBITED_CONTENT (prompt blocked)"),
        Arguments.of(
            "gemini MAX_TOKENS",
            "gemini-flash",
            GEMINI,
            gemini(
                "{\"content\": {\"role\": \"model\", \"parts\": [{\"functionCall\": {\"name\":"
                    + " \"read_file\", \"args\": {}}}]}, \"finishReason\": \"MAX_TOKENS\","
                    + " \"index\": 0}"),
            AgentResult.Stop.TRUNCATED,
            "cut off at the output limit (MAX_TOKENS); its 1 cut-off tool call(s) were not run"),
        Arguments.of(
            "gemini unknown reason",
            "gemini-flash",
            GEMINI,
            gemini(
                "{\"content\": {\"role\": \"model\", \"parts\": [{\"text\": \"Hola\"}]},"
                    + " \"finishReason\": \"LANGUAGE\", \"index\": 0}"),
            AgentResult.Stop.UNEXPECTED_STOP,
            "stop reason LANGUAGE"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endings")
  void endsTheLoopAndSaysWhy(
      String name, String alias, String path, String body, AgentResult.Stop stop, String error) {
    api.stubFor(post(urlPathEqualTo(path)).willReturn(okJson(body)));

    AgentResult result = run(alias);

    assertThat(result.stop()).isEqualTo(stop);
    assertThat(result.error()).endsWith(error);
    assertThat(result.invocations()).isEmpty();
    assertThat(tool.calls()).isZero();
    api.verify(1, postRequestedFor(urlPathEqualTo(path)));
  }

  static List<Arguments> overflows() {
    return List.of(
        Arguments.of(
            "haiku",
            ANTHROPIC,
            "{\"type\": \"error\", \"error\": {\"type\": \"invalid_request_error\","
                + " \"message\": \"prompt is too long: 1000512 tokens > 1000000 maximum\"}}"),
        Arguments.of(
            "4o",
            OPENAI,
            "{\"error\": {\"message\": \"This model's maximum context length is 128000 tokens."
                + " However, your messages resulted in 130512 tokens.\", \"type\":"
                + " \"invalid_request_error\", \"param\": \"messages\", \"code\":"
                + " \"context_length_exceeded\"}}"),
        Arguments.of(
            "gemini-flash",
            GEMINI,
            "{\"error\": {\"code\": 400, \"message\": \"The input token count (1048999) exceeds"
                + " the maximum number of tokens allowed (1048576).\", \"status\":"
                + " \"INVALID_ARGUMENT\"}}"));
  }

  @ParameterizedTest(name = "{0} context overflow")
  @MethodSource("overflows")
  void reportsAContextOverflowRejectedByTheProviderWithItsSize(
      String alias, String path, String error) {
    api.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(400).withBody(error)));

    AgentResult result = run(alias);

    assertThat(result.stop()).isEqualTo(AgentResult.Stop.CONTEXT_OVERFLOW);
    assertThat(result.error())
        .startsWith("context window exceeded after 0 prompt tokens: ")
        .containsPattern("\\d{6,}");
  }

  @Test
  void answersAGeminiMalformedFunctionCallAsAToolErrorAndTheModelRecovers() {
    String malformed =
        gemini(
            "{\"content\": {}, \"finishReason\": \"MALFORMED_FUNCTION_CALL\", \"index\": 0,"
                + " \"finishMessage\": \"Malformed function call:"
                + " print(default_api.read_file(path=flow.yaml))\"}");
    String answer =
        gemini(
            "{\"content\": {\"role\": \"model\", \"parts\": [{\"text\": \"Done.\"}]},"
                + " \"finishReason\": \"STOP\", \"index\": 0}");
    api.stubFor(
        post(urlPathEqualTo(GEMINI))
            .inScenario("malformed")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(malformed))
            .willSetStateTo("answered"));
    api.stubFor(
        post(urlPathEqualTo(GEMINI))
            .inScenario("malformed")
            .whenScenarioStateIs("answered")
            .willReturn(okJson(answer)));

    AgentResult result = run("gemini-flash");

    assertThat(result.stop()).isEqualTo(AgentResult.Stop.COMPLETED);
    assertThat(result.turns()).isEqualTo(2);
    api.verify(
        postRequestedFor(urlPathEqualTo(GEMINI))
            .withRequestBody(
                containing(
                    "tool call error: your last function call could not be parsed"
                        + " (MALFORMED_FUNCTION_CALL (Malformed function call:")));
  }

  private AgentResult run(String alias) {
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
    ChatModel model = factory.create(ModelRegistry.builtIn(Mappers.yaml()).resolve(alias));
    return new AgentLoop(model, AgentListener.SILENT)
        .run("You build Windmill flows.", "Summarise flow.yaml", List.of(tool), 5);
  }
}
