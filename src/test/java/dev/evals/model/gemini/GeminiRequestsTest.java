package dev.evals.model.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.evals.config.Environment;
import dev.evals.json.Mappers;
import dev.evals.model.ChatMessage;
import dev.evals.model.ChatModel;
import dev.evals.model.ChatRequest;
import dev.evals.model.ChatResponse;
import dev.evals.model.ModelRegistry;
import dev.evals.model.ProviderSettings;
import dev.evals.model.Sleeper;
import dev.evals.model.ToolCall;
import dev.evals.model.ToolResult;
import dev.evals.model.ToolSpec;
import dev.evals.model.providers.ChatModelFactory;
import dev.evals.model.providers.ProviderStandIn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Request shapes Gemini requires: tools without parameters, thought signatures, thinking. */
class GeminiRequestsTest {

  private static final String PATH = "/v1beta/models/gemini-3-flash-preview:generateContent";

  @RegisterExtension static WireMockExtension wm = ProviderStandIn.loopback();

  private static final String ANSWER =
      """
      {"candidates": [{"content": {"role": "model", "parts": [
          {"text": "thinking it over", "thought": true},
          {"text": "First."}, {"text": "Second."}]},
        "finishReason": "STOP", "index": 0}],
       "usageMetadata": {"promptTokenCount": 10, "candidatesTokenCount": 4,
         "thoughtsTokenCount": 20, "totalTokenCount": 34}}
      """;

  private ChatModel model(String alias) {
    Environment env =
        Environment.of(Map.of("GEMINI_API_KEY", "k", "GEMINI_BASE_URL", wm.baseUrl()));
    return new ChatModelFactory(
            env, new ProviderSettings(0, Duration.ofSeconds(5), 2, Sleeper.REAL))
        .create(ModelRegistry.builtIn(Mappers.yaml()).resolve(alias));
  }

  private static ToolSpec noArguments() {
    return new ToolSpec(
        "get_flow",
        "Returns the current flow",
        Mappers.json().createObjectNode().put("type", "object").putObject("properties"));
  }

  @Test
  void leavesParametersOutForAToolThatTakesNone() {
    wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(ANSWER)));

    model("gemini-3-flash-preview")
        .chat(ChatRequest.of("", List.of(new ChatMessage.User("hi")), List.of(noArguments())));

    wm.verify(
        postRequestedFor(urlPathEqualTo(PATH))
            .withRequestBody(
                matchingJsonPath("$.tools[0].functionDeclarations[0].name", equalTo("get_flow")))
            .withRequestBody(
                matchingJsonPath("$.tools[0].functionDeclarations[0][?(!@.parameters)]")));
  }

  @Test
  void sendsTheSkipValueOnlyForACallThatCameWithoutASignature() throws Exception {
    wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(ANSWER)));
    List<ChatMessage> messages =
        List.of(
            new ChatMessage.User("hi"),
            new ChatMessage.Assistant(
                "",
                List.of(
                    new ToolCall("call-1-0", "get_flow", "{}", "Cj4BcsjafSig1"),
                    new ToolCall("call-1-1", "get_flow", "{}"))),
            new ChatMessage.ToolResults(
                List.of(
                    new ToolResult("call-1-0", "get_flow", "{}", false),
                    new ToolResult("call-1-1", "get_flow", "{}", false))),
            new ChatMessage.Assistant("", List.of(new ToolCall("call-2-0", "get_flow", "{}"))),
            new ChatMessage.ToolResults(
                List.of(new ToolResult("call-2-0", "get_flow", "{}", false))));

    model("gemini-3-flash-preview").chat(ChatRequest.of("", messages, List.of(noArguments())));

    LoggedRequest sent = wm.findAll(postRequestedFor(urlPathEqualTo(PATH))).get(0);
    var contents = Mappers.json().readTree(sent.getBodyAsString()).path("contents");
    assertThat(contents.at("/1/parts/0/thoughtSignature").asText()).isEqualTo("Cj4BcsjafSig1");
    // Gemini signs the first of parallel calls only; the others go back unsigned.
    assertThat(contents.at("/1/parts/1").has("thoughtSignature")).isFalse();
    assertThat(contents.at("/3/parts/0/thoughtSignature").asText())
        .isEqualTo(GeminiMapper.SKIP_SIGNATURE);
  }

  /** Gemini's implicit cache serves a repeated prefix: each request begins with the previous. */
  @Test
  void keepsEveryRequestAPrefixOfTheNext() throws Exception {
    String call =
        """
        {"candidates": [{"content": {"role": "model", "parts": [
            {"functionCall": {"name": "get_flow", "args": {}}, "thoughtSignature": "CjSig"}]},
          "finishReason": "STOP", "index": 0}],
         "usageMetadata": {"promptTokenCount": 10, "totalTokenCount": 12}}
        """;
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .inScenario("loop")
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(okJson(call))
            .willSetStateTo("second"));
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .inScenario("loop")
            .whenScenarioStateIs("second")
            .willReturn(okJson(ANSWER)));
    dev.evals.agent.Tool getFlow =
        new dev.evals.agent.Tool() {
          @Override
          public ToolSpec spec() {
            return noArguments();
          }

          @Override
          public dev.evals.agent.ToolReply call(com.fasterxml.jackson.databind.JsonNode args) {
            return dev.evals.agent.ToolReply.ok("{}");
          }
        };

    new dev.evals.agent.AgentLoop(
            model("gemini-3-flash-preview"), dev.evals.agent.AgentListener.SILENT)
        .run("You build Windmill flows.", "Show the flow", List.of(getFlow), 5);

    List<LoggedRequest> sent = wm.findAll(postRequestedFor(urlPathEqualTo(PATH)));
    var first = Mappers.json().readTree(sent.get(0).getBodyAsString());
    var second = Mappers.json().readTree(sent.get(1).getBodyAsString());
    for (int i = 0; i < first.path("contents").size(); i++) {
      assertThat(second.path("contents").get(i)).isEqualTo(first.path("contents").get(i));
    }
    assertThat(second.path("systemInstruction")).isEqualTo(first.path("systemInstruction"));
    assertThat(second.path("tools")).isEqualTo(first.path("tools"));
  }

  @Test
  void sendsTheThinkingConfigOfTheEntryAndLeavesThoughtsOutOfTheText() {
    wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(ANSWER)));

    ChatResponse response =
        model("gemini-3-flash-thinking")
            .chat(ChatRequest.of("", List.of(new ChatMessage.User("hi")), List.of()));

    assertThat(response.text()).isEqualTo("First.\nSecond.");
    assertThat(response.usage().completion()).isEqualTo(24);
    wm.verify(
        postRequestedFor(urlPathEqualTo(PATH))
            .withRequestBody(
                equalToJson(
                    """
                    {"generationConfig": {"maxOutputTokens": 8192,
                      "thinkingConfig": {"thinkingLevel": "high", "includeThoughts": true}}}
                    """,
                    false,
                    true))
            .withRequestBody(matchingJsonPath("$.generationConfig[?(!@.temperature)]")));
  }
}
