package dev.evals.model.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.evals.model.providers.ProviderStandIn.OPENAI;
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
import dev.evals.model.providers.ChatModelFactory;
import dev.evals.model.providers.ProviderStandIn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpenAiChatModelTest {

  private static final String KEY = ProviderStandIn.KEY;
  private static final String PATH = "/v1/chat/completions";

  @RegisterExtension static WireMockExtension wm = ProviderStandIn.loopback();

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final ModelRegistry registry = ModelRegistry.builtIn(Mappers.yaml());
  private final ModelSpec gpt4o = registry.resolve("4o");

  private static final String TOOL_CALL =
      """
      {"id": "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG", "object": "chat.completion",
       "created": 1741570283, "model": "gpt-4o-2024-08-06",
       "choices": [{"index": 0,
         "message": {"role": "assistant", "content": null,
           "tool_calls": [{"id": "call_abc123", "type": "function",
             "function": {"name": "read_file", "arguments": "{\\"path\\":\\"flow.yaml\\"}"}}],
           "refusal": null, "annotations": []},
         "logprobs": null, "finish_reason": "tool_calls"}],
       "usage": {"prompt_tokens": 82, "completion_tokens": 17, "total_tokens": 99,
         "prompt_tokens_details": {"cached_tokens": 64, "audio_tokens": 0},
         "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0,
           "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}},
       "service_tier": "default", "system_fingerprint": "fp_fc9f1d7035"}
      """;

  private static final String MALFORMED_CALL =
      TOOL_CALL.replace("{\\\"path\\\":\\\"flow.yaml\\\"}", "{\\\"path\\\": \\\"flow.yaml\\\"");

  private static final String ANSWER =
      """
      {"id": "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT", "object": "chat.completion",
       "created": 1741569952, "model": "gpt-4o-2024-08-06",
       "choices": [{"index": 0,
         "message": {"role": "assistant", "content": "The flow has two steps.",
           "refusal": null, "annotations": []},
         "logprobs": null, "finish_reason": "stop"}],
       "usage": {"prompt_tokens": 130, "completion_tokens": 9, "total_tokens": 139},
       "service_tier": "default"}
      """;

  private static String error(String message, String type) {
    return "{\"error\": {\"message\": \""
        + message
        + "\", \"type\": \""
        + type
        + "\", \"param\": null, \"code\": null}}";
  }

  private ChatModelFactory factory(
      Map<String, String> variables, int maxRetries, Duration timeout) {
    return new ChatModelFactory(
        Environment.of(variables), new ProviderSettings(maxRetries, timeout, 5, sleeper));
  }

  private ChatModelFactory factory(int maxRetries, Duration timeout) {
    return ProviderStandIn.OPENAI.factory(wm, maxRetries, timeout, sleeper);
  }

  private ChatModel model() {
    return factory(2, Duration.ofSeconds(5)).create(gpt4o);
  }

  @Test
  void runsAToolConversationAndSendsTheToolResultBack() {
    OPENAI.stubTurns(wm, okJson(TOOL_CALL), okJson(ANSWER));

    AgentResult result = runAgent(model());

    assertThat(result.stop()).isEqualTo(AgentResult.Stop.COMPLETED);
    // OpenAI's prompt count includes its cached tokens.
    assertThat(result.usage()).isEqualTo(new TokenUsage(82 + 130, 17 + 9, 99 + 139, 0, 64));
    assertThat(result.finalContextTokens()).isEqualTo(130);
    wm.verify(
        2,
        postRequestedFor(urlEqualTo(PATH))
            .withHeader("Authorization", equalTo("Bearer " + KEY))
            .withRequestBody(matchingJsonPath("$.max_completion_tokens", equalTo("8192")))
            .withRequestBody(matchingJsonPath("$[?(!@.max_tokens)]"))
            .withRequestBody(
                matchingJsonPath("$.tools[0].function.parameters.required[0]", equalTo("path"))));
    wm.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(
                equalToJson(
                    """
                    {"model": "gpt-4o", "messages": [
                      {"role": "system", "content": "You build Windmill flows."},
                      {"role": "user", "content": "Summarise flow.yaml"},
                      {"role": "assistant", "content": null, "tool_calls": [
                        {"id": "call_abc123", "type": "function",
                         "function": {"name": "read_file", "arguments": "{\\"path\\":\\"flow.yaml\\"}"}}]},
                      {"role": "tool", "tool_call_id": "call_abc123", "content": "summary: two steps"}]}
                    """,
                    false,
                    true)));
  }

  @Test
  void sendsTheForcedToolAsAFunctionChoiceAndTheEntrysTemperature() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(ANSWER)));
    ChatRequest request =
        new ChatRequest(
            "",
            List.of(new ChatMessage.User("hi")),
            List.of(new ReadFileTool().spec()),
            "read_file",
            64);

    factory(2, Duration.ofSeconds(5))
        .create(gpt4o.withOptions(Map.of("temperature", "0.2")))
        .chat(request);

    wm.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(
                equalToJson(
                    """
                    {"tool_choice": {"type": "function", "function": {"name": "read_file"}},
                     "temperature": 0.2, "max_completion_tokens": 64}
                    """,
                    false,
                    true)));
  }

  @Test
  void retriesAfterRetryAfterHeader() {
    OPENAI.stubTurns(
        wm,
        aResponse()
            .withStatus(429)
            .withHeader("retry-after", "3")
            .withBody(
                error(
                    "Rate limit reached for gpt-4o in organization org-x on requests per min (RPM)",
                    "requests")),
        okJson(ANSWER));

    assertThat(model().chat(hello()).text()).isEqualTo("The flow has two steps.");
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void givesUpAfterTheRetriesOnServerErrors() {
    wm.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withBody(error("The server is overloaded", "server_error"))));

    AgentResult result = runAgent(model());

    assertThat(result.stop()).isEqualTo(AgentResult.Stop.PROVIDER_ERROR);
    assertThat(result.error())
        .isEqualTo("openai: HTTP 503 after 2 retries: The server is overloaded");
    assertThatThrownBy(() -> model().chat(hello()))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retriable()).isTrue());
  }

  @Test
  void answersMalformedArgumentsWithAnErrorAndTheModelRecovers() {
    OPENAI.stubTurns(wm, okJson(MALFORMED_CALL), okJson(ANSWER));

    AgentResult result = runAgent(model());

    assertThat(result.stop()).isEqualTo(AgentResult.Stop.COMPLETED);
    wm.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(
                matchingJsonPath(
                    "$.messages[2].tool_calls[0].function.arguments",
                    equalTo("{\"path\": \"flow.yaml\"")))
            .withRequestBody(matchingJsonPath("$.messages[3].role", equalTo("tool")))
            .withRequestBody(
                matchingJsonPath(
                    "$.messages[3].content", containing("ERROR: arguments are not valid JSON"))));
  }

  @Test
  void failsWhenTheServerIsSlowerThanTheRequestTimeout() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(ANSWER).withFixedDelay(1000)));
    ChatModel model = factory(0, Duration.ofMillis(200)).create(gpt4o);

    assertThatThrownBy(() -> model.chat(hello()))
        .isInstanceOf(ProviderException.class)
        .hasMessageStartingWith("openai: request failed after 0 retries");
  }

  @Test
  void namesTheMissingKeyVariable() {
    ChatModelFactory factory = factory(Map.of(), 0, Duration.ofSeconds(1));

    assertThatThrownBy(() -> factory.checkCredentials(gpt4o))
        .isInstanceOf(MissingApiKeyException.class)
        .hasMessage("OPENAI_API_KEY is not set: export it or put it in .env");
    assertThatThrownBy(() -> factory.checkCredentials(registry.resolve("deepseek")))
        .hasMessage("DEEPSEEK_API_KEY is not set: export it or put it in .env");
  }

  @Test
  void neverRevealsTheKeyInErrorsOrTranscripts() throws Exception {
    wm.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        error("Incorrect API key provided: " + KEY, "invalid_request_error"))));
    AgentResult rejected = runAgent(model());
    wm.resetAll();
    wm.stubFor(
        post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500).withBody("key " + KEY)));
    AgentResult exhausted = runAgent(model());

    assertThat(rejected.error()).isEqualTo("openai: HTTP 401: Incorrect API key provided: ***");
    assertThat(exhausted.error()).isEqualTo("openai: HTTP 500 after 2 retries: key ***");
    for (AgentResult result : List.of(rejected, exhausted)) {
      assertThat(Mappers.json().writeValueAsString(result.messages())).doesNotContain(KEY);
    }
  }
}
