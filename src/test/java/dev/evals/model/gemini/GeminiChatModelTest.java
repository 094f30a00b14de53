package dev.evals.model.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.evals.model.providers.ProviderStandIn.GEMINI;
import static dev.evals.model.providers.ProviderStandIn.hello;
import static dev.evals.model.providers.ProviderStandIn.runAgent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.evals.agent.AgentResult;
import dev.evals.config.Environment;
import dev.evals.json.Mappers;
import dev.evals.model.ChatMessage;
import dev.evals.model.ChatModel;
import dev.evals.model.ChatRequest;
import dev.evals.model.MissingApiKeyException;
import dev.evals.model.ModelRegistry;
import dev.evals.model.ModelSpec;
import dev.evals.model.ProviderException;
import dev.evals.model.ProviderSettings;
import dev.evals.model.ReadFileTool;
import dev.evals.model.RecordingSleeper;
import dev.evals.model.TokenUsage;
import dev.evals.model.ToolCall;
import dev.evals.model.providers.ChatModelFactory;
import dev.evals.model.providers.ProviderStandIn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GeminiChatModelTest {

  private static final String KEY = ProviderStandIn.KEY;
  private static final String PATH = "/v1beta/models/gemini-2.5-flash:generateContent";

  @RegisterExtension static WireMockExtension wm = ProviderStandIn.loopback();

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final ModelSpec flash = ModelRegistry.builtIn(Mappers.yaml()).resolve("gemini-flash");

  private static final String FUNCTION_CALL =
      """
      {"candidates": [{"content": {"parts": [
          {"functionCall": {"name": "read_file", "args": {"path": "flow.yaml"}},
           "thoughtSignature": "CiQBcsjafEu2vPnnJ1GSRb0ztG3bPAI="}],
         "role": "model"},
        "finishReason": "STOP", "index": 0}],
       "usageMetadata": {"promptTokenCount": 95, "candidatesTokenCount": 15,
         "totalTokenCount": 150, "thoughtsTokenCount": 40, "cachedContentTokenCount": 60,
         "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 95}]},
       "modelVersion": "gemini-2.5-flash", "responseId": "x5EwaOqPMZOkz7IPmLHmgQk"}
      """;

  private static final String EMPTY_ARGS_CALL =
      FUNCTION_CALL.replace("{\"path\": \"flow.yaml\"}", "{}");

  private static final String ANSWER =
      """
      {"candidates": [{"content": {"parts": [{"text": "The flow has two steps."}],
         "role": "model"},
        "finishReason": "STOP", "index": 0}],
       "usageMetadata": {"promptTokenCount": 140, "candidatesTokenCount": 8,
         "totalTokenCount": 148,
         "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 140}]},
       "modelVersion": "gemini-2.5-flash", "responseId": "yJEwaLe1KZuYz7IPy8WL0Qo"}
      """;

  private static String error(int code, String message, String status) {
    return "{\"error\": {\"code\": "
        + code
        + ", \"message\": \""
        + message
        + "\", \"status\": \""
        + status
        + "\"}}";
  }

  private ChatModelFactory factory(int maxRetries, Duration timeout) {
    return ProviderStandIn.GEMINI.factory(wm, maxRetries, timeout, sleeper);
  }

  private ChatModel model() {
    return factory(2, Duration.ofSeconds(5)).create(flash);
  }

  @Test
  void runsAToolConversationAndSendsTheFunctionResponseAndThoughtSignatureBack() {
    GEMINI.stubTurns(wm, okJson(FUNCTION_CALL), okJson(ANSWER));

    AgentResult result = runAgent(model());

    assertThat(result.stop()).isEqualTo(AgentResult.Stop.COMPLETED);
    assertThat(result.usage()).isEqualTo(new TokenUsage(95 + 140, 55 + 8, 150 + 148, 0, 60));
    assertThat(result.finalContextTokens()).isEqualTo(140);
    assertThat(result.messages().get(1))
        .isEqualTo(
            new ChatMessage.Assistant(
                "",
                List.of(
                    new ToolCall(
                        "call-1-0",
                        "read_file",
                        "{\"path\":\"flow.yaml\"}",
                        "CiQBcsjafEu2vPnnJ1GSRb0ztG3bPAI="))));
    wm.verify(
        2,
        postRequestedFor(urlEqualTo(PATH))
            .withHeader("x-goog-api-key", equalTo(KEY))
            .withRequestBody(notContaining("additionalProperties"))
            .withRequestBody(notContaining("$schema"))
            .withRequestBody(
                equalToJson(
                    """
                    {"systemInstruction": {"parts": [{"text": "You build Windmill flows."}]},
                     "tools": [{"functionDeclarations": [{"name": "read_file",
                       "description": "Reads a file of the workspace",
                       "parameters": {"type": "object", "required": ["path"],
                         "properties": {"path": {"type": "string", "description": "file to read"}}}}]}],
                     "generationConfig": {"maxOutputTokens": 8192}}
                    """,
                    false,
                    true)));
    wm.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(
                equalToJson(
                    """
                    {"contents": [
                      {"role": "user", "parts": [{"text": "Summarise flow.yaml"}]},
                      {"role": "model", "parts": [
                        {"functionCall": {"name": "read_file", "args": {"path": "flow.yaml"}},
                         "thoughtSignature": "CiQBcsjafEu2vPnnJ1GSRb0ztG3bPAI="}]},
                      {"role": "user", "parts": [
                        {"functionResponse": {"name": "read_file",
                          "response": {"content": "summary: two steps"}}}]}]}
                    """,
                    false,
                    true)));
  }

  @Test
  void sendsTheForcedToolAsAnyModeRestrictedToIt() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(ANSWER)));
    ChatRequest request =
        new ChatRequest(
            "",
            List.of(new ChatMessage.User("hi")),
            List.of(new ReadFileTool().spec()),
            "read_file",
            64);

    model().chat(request);

    wm.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(
                equalToJson(
                    """
                    {"toolConfig": {"functionCallingConfig": {"mode": "ANY",
                       "allowedFunctionNames": ["read_file"]}},
                     "generationConfig": {"maxOutputTokens": 64}}
                    """,
                    false,
                    true))
            .withRequestBody(matchingJsonPath("$.generationConfig[?(!@.temperature)]")));
  }

  @Test
  void retriesAfterRetryAfterHeader() {
    GEMINI.stubTurns(
        wm,
        aResponse()
            .withStatus(429)
            .withHeader("Retry-After", "12")
            .withBody(error(429, "You exceeded your current quota.", "RESOURCE_EXHAUSTED")),
        okJson(ANSWER));

    assertThat(model().chat(hello()).text()).isEqualTo("The flow has two steps.");
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void givesUpAfterTheRetriesOnServerErrors() {
    wm.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withBody(
                        error(
                            503,
                            "The model is overloaded. Please try again later.",
                            "UNAVAILABLE"))));

    AgentResult result = runAgent(model());

    assertThat(result.stop()).isEqualTo(AgentResult.Stop.PROVIDER_ERROR);
    assertThat(result.error())
        .isEqualTo(
            "gemini: HTTP 503 after 2 retries: The model is overloaded. Please try again later.");
    assertThatThrownBy(() -> model().chat(hello()))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retriable()).isTrue());
  }

  @Test
  void answersArgumentsThatMissTheSchemaWithAnErrorAndTheModelRecovers() {
    GEMINI.stubTurns(wm, okJson(EMPTY_ARGS_CALL), okJson(ANSWER));

    AgentResult result = runAgent(model());

    assertThat(result.stop()).isEqualTo(AgentResult.Stop.COMPLETED);
    wm.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(
                matchingJsonPath(
                    "$.contents[2].parts[0].functionResponse.response.error",
                    containing("arguments do not match the input schema of read_file"))));
  }

  @Test
  void failsWhenTheServerIsSlowerThanTheRequestTimeout() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(ANSWER).withFixedDelay(1000)));
    ChatModel model = factory(0, Duration.ofMillis(200)).create(flash);

    assertThatThrownBy(() -> model.chat(hello()))
        .isInstanceOf(ProviderException.class)
        .hasMessageStartingWith("gemini: request failed after 0 retries");
  }

  @Test
  void namesTheMissingKeyVariableAndAcceptsTheGoogleSpelling() {
    ChatModelFactory none =
        new ChatModelFactory(Environment.of(Map.of()), ProviderSettings.defaults());
    ChatModelFactory google =
        new ChatModelFactory(
            Environment.of(Map.of("GOOGLE_API_KEY", KEY)), ProviderSettings.defaults());

    assertThatThrownBy(() -> none.checkCredentials(flash))
        .isInstanceOf(MissingApiKeyException.class)
        .hasMessage("GEMINI_API_KEY (or GOOGLE_API_KEY) is not set: export it or put it in .env");
    google.checkCredentials(flash);
  }

  @Test
  void neverRevealsTheKeyInErrorsOrTranscripts() throws Exception {
    wm.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(error(400, "API key not valid: " + KEY, "INVALID_ARGUMENT"))));
    AgentResult rejected = runAgent(model());
    wm.resetAll();
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500).withBody(KEY)));
    AgentResult exhausted = runAgent(model());

    assertThat(rejected.error()).isEqualTo("gemini: HTTP 400: API key not valid: ***");
    assertThat(exhausted.error()).isEqualTo("gemini: HTTP 500 after 2 retries: ***");
    for (AgentResult result : List.of(rejected, exhausted)) {
      assertThat(Mappers.json().writeValueAsString(result.messages())).doesNotContain(KEY);
    }
  }
}
