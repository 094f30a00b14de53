package dev.evals.model.anthropic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.evals.model.providers.ProviderStandIn.ANTHROPIC;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AnthropicChatModelTest {

  private static final String KEY = ProviderStandIn.KEY;
  private static final String PATH = "/v1/messages";

  @RegisterExtension static WireMockExtension wm = ProviderStandIn.loopback();

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final ModelSpec haiku = ModelRegistry.builtIn(Mappers.yaml()).resolve("haiku");

  private static final String TOOL_USE =
      """
      {"id": "msg_01Aq9w938a90dw8q", "type": "message", "role": "assistant",
       "model": "claude-haiku-4-5-20251001",
       "content": [
         {"type": "text", "text": "I'll read the flow first."},
         {"type": "tool_use", "id": "toolu_01A09q90qw90lq917835lq9", "name": "read_file",
          "input": {"path": "flow.yaml"}}],
       "stop_reason": "tool_use", "stop_sequence": null,
       "usage": {"input_tokens": 120, "cache_creation_input_tokens": 30,
                 "cache_read_input_tokens": 10, "output_tokens": 25}}
      """;

  private static final String EMPTY_INPUT_TOOL_USE =
      TOOL_USE.replace("{\"path\": \"flow.yaml\"}", "{}");

  private static final String ANSWER =
      """
      {"id": "msg_01XFDUDYJgAACzvnptvVoYEL", "type": "message", "role": "assistant",
       "model": "claude-haiku-4-5-20251001",
       "content": [{"type": "text", "text": "The flow has two steps."}],
       "stop_reason": "end_turn", "stop_sequence": null,
       "usage": {"input_tokens": 200, "cache_creation_input_tokens": 0,
                 "cache_read_input_tokens": 0, "output_tokens": 12}}
      """;

  private static String error(String type, String message) {
    return "{\"type\": \"error\", \"error\": {\"type\": \""
        + type
        + "\", \"message\": \""
        + message
        + "\"}}";
  }

  private ChatModelFactory factory(int maxRetries, Duration timeout) {
    return ProviderStandIn.ANTHROPIC.factory(wm, maxRetries, timeout, sleeper);
  }

  private ChatModel model() {
    return factory(2, Duration.ofSeconds(5)).create(haiku);
  }

  @Test
  void runsAToolConversationAndSendsTheToolResultBack() {
    ANTHROPIC.stubTurns(wm, okJson(TOOL_USE), okJson(ANSWER));

    AgentResult result = runAgent(model());

    assertThat(result.stop()).isEqualTo(AgentResult.Stop.COMPLETED);
    // Cache writes and reads are part of the prompt and kept apart for pricing.
    assertThat(result.usage()).isEqualTo(new TokenUsage(160 + 200, 25 + 12, 397, 30, 10));
    assertThat(result.finalContextTokens()).isEqualTo(200);
    wm.verify(
        2,
        postRequestedFor(urlEqualTo(PATH))
            .withHeader("x-api-key", equalTo(KEY))
            .withHeader("anthropic-version", equalTo("2026-10-21"))
            .withRequestBody(
                matchingJsonPath("$.system[0].text", equalTo("You build Windmill flows.")))
            .withRequestBody(
                matchingJsonPath("$.tools[0].input_schema.required[0]", equalTo("path"))));
    wm.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(
                equalToJson(
                    """
                    {"messages": [
                      {"role": "user", "content": "Summarise flow.yaml"},
                      {"role": "assistant", "content": [
                        {"type": "text", "text": "I'll read the flow first."},
                        {"type": "tool_use", "id": "toolu_01A09q90qw90lq917835lq9",
                         "name": "read_file", "input": {"path": "flow.yaml"}}]},
                      {"role": "user", "content": [
                        {"type": "tool_result", "tool_use_id": "toolu_01A09q90qw90lq917835lq9",
                         "content": "summary: two steps", "is_error": false}]}]}
                    """,
                    false,
                    true)));
  }

  @Test
  void sendsForcedToolAndMaxTokensButNoTemperature() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(ANSWER)));
    ChatRequest request =
        new ChatRequest(
            "",
            List.of(new ChatMessage.User("hi")),
            List.of(new ReadFileTool().spec()),
            "read_file",
            512);

    model().chat(request);

    wm.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(
                equalToJson(
                    """
                    {"model": "claude-haiku-5-5", "max_tokens": 512,
                     "tool_choice": {"type": "tool", "name": "read_file"}}
                    """,
                    false,
                    true))
            .withRequestBody(matchingJsonPath("$[?(!@.system)]"))
            .withRequestBody(matchingJsonPath("$[?(!@.temperature)]")));
  }

  @Test
  void retriesAfterRetryAfterHeaderAndThrottlesTheProvider() {
    Environment env =
        Environment.of(Map.of("ANTHROPIC_API_KEY", KEY, "ANTHROPIC_BASE_URL", wm.baseUrl()));
    ChatModelFactory factory =
        new ChatModelFactory(
            env,
            new ProviderSettings(2, Duration.ofSeconds(5), 5, sleeper),
            new Random(1),
            Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
    ANTHROPIC.stubTurns(
        wm,
        aResponse()
            .withStatus(429)
            .withHeader("retry-after", "7")
            .withHeader("content-type", "application/json")
            .withBody(
                error("rate_limit_error", "Number of request tokens has exceeded your limit")),
        okJson(ANSWER));

    AgentResult result = runAgent(factory.create(haiku));

    assertThat(result.stop()).isEqualTo(AgentResult.Stop.COMPLETED);
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
    assertThat(factory.throttleStatus()).containsExactly("anthropic allows 3/5 concurrent");
  }

  @Test
  void givesUpAfterTheRetriesOnServerErrors() {
    wm.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(529)
                    .withHeader("content-type", "application/json")
                    .withBody(error("overloaded_error", "Overloaded"))));
    ChatModel model = model();

    assertThatThrownBy(
            () -> model.chat(ChatRequest.of("", List.of(new ChatMessage.User("hi")), List.of())))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retriable()).isTrue())
        .hasMessage("anthropic: HTTP 529 after 2 retries: Overloaded");
    AgentResult result = runAgent(model);

    assertThat(result.stop()).isEqualTo(AgentResult.Stop.PROVIDER_ERROR);
    assertThat(result.error()).contains("HTTP 529");
    wm.verify(6, postRequestedFor(urlEqualTo(PATH)));
    assertThat(sleeper.waits()).hasSize(4);
  }

  @Test
  void answersArgumentsThatMissTheSchemaWithAnErrorAndTheModelRecovers() {
    ANTHROPIC.stubTurns(wm, okJson(EMPTY_INPUT_TOOL_USE), okJson(ANSWER));

    AgentResult result = runAgent(model());

    assertThat(result.stop()).isEqualTo(AgentResult.Stop.COMPLETED);
    assertThat(result.invocations())
        .singleElement()
        .satisfies(i -> assertThat(i.isError()).isTrue());
    wm.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(matchingJsonPath("$.messages[2].content[0].is_error", equalTo("true")))
            .withRequestBody(
                matchingJsonPath(
                    "$.messages[2].content[0].content",
                    containing("arguments do not match the input schema of read_file"))));
  }

  @Test
  void failsWhenTheServerIsSlowerThanTheRequestTimeout() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(ANSWER).withFixedDelay(1000)));
    ChatModel model = factory(0, Duration.ofMillis(200)).create(haiku);

    assertThatThrownBy(
            () -> model.chat(ChatRequest.of("", List.of(new ChatMessage.User("hi")), List.of())))
        .isInstanceOf(ProviderException.class)
        .hasMessageStartingWith("anthropic: request failed after 0 retries")
        .hasMessageContaining("timeout");
  }

  @Test
  void namesTheMissingKeyVariable() {
    ChatModelFactory factory =
        new ChatModelFactory(Environment.of(Map.of()), ProviderSettings.defaults());

    assertThatThrownBy(() -> factory.checkCredentials(haiku))
        .isInstanceOf(MissingApiKeyException.class)
        .hasMessage("ANTHROPIC_API_KEY is not set: export it or put it in .env");
  }

  @Test
  void neverRevealsTheKeyInErrorsOrTranscripts() throws Exception {
    wm.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(error("authentication_error", "invalid x-api-key " + KEY))));
    ChatModel model = model();
    AgentResult rejected = runAgent(model);
    wm.resetAll();
    wm.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(aResponse().withStatus(500).withBody("upstream saw " + KEY)));
    AgentResult exhausted = runAgent(model);

    assertThat(rejected.error()).isEqualTo("anthropic: HTTP 401: invalid x-api-key ***");
    assertThat(exhausted.error())
        .isEqualTo("anthropic: HTTP 500 after 2 retries: upstream saw ***");
    for (AgentResult result : List.of(rejected, exhausted)) {
      assertThat(Mappers.json().writeValueAsString(result.messages())).doesNotContain(KEY);
    }
  }

  @Test
  void leavesOutAnEmptyModelTurn() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(ANSWER)));
    List<ChatMessage> messages =
        List.of(
            new ChatMessage.User("hi"),
            new ChatMessage.Assistant("", List.of()),
            new ChatMessage.User("still there?"));

    model().chat(ChatRequest.of("", messages, List.of()));

    wm.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(matchingJsonPath("$.messages.length()", equalTo("2"))));
  }
}
