package dev.evals.model.anthropic;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.evals.agent.AgentListener;
import dev.evals.agent.AgentLoop;
import dev.evals.agent.AgentResult;
import dev.evals.config.Environment;
import dev.evals.json.Mappers;
import dev.evals.model.ChatMessage;
import dev.evals.model.ChatRequest;
import dev.evals.model.ChatResponse;
import dev.evals.model.InvalidModelOptionException;
import dev.evals.model.ModelRegistry;
import dev.evals.model.ModelSpec;
import dev.evals.model.ProviderSettings;
import dev.evals.model.ReadFileTool;
import dev.evals.model.Sleeper;
import dev.evals.model.providers.ChatModelFactory;
import dev.evals.model.providers.ProviderStandIn;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Thinking, prompt caching and the API version, against the Messages API's documented shapes. */
class AnthropicThinkingTest {

  private static final String PATH = "/v1/messages";

  @RegisterExtension static WireMockExtension wm = ProviderStandIn.loopback();

  private final ModelRegistry registry = ModelRegistry.builtIn(Mappers.yaml());

  static final String THINKING_TOOL_USE =
      """
      {"id": "msg_01", "type": "message", "role": "assistant", "model": "claude-opus-4-6",
       "content": [
         {"type": "thinking", "thinking": "The user wants the flow summarised; read it first.",
          "signature": "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds"},
         {"type": "redacted_thinking", "data": "EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIw"},
         {"type": "text", "text": "I'll read the flow."},
         {"type": "text", "text": "Then summarise it."},
         {"type": "tool_use", "id": "toolu_01", "name": "read_file",
          "input": {"path": "flow.yaml"}}],
       "stop_reason": "tool_use", "stop_sequence": null, "stop_details": null,
       "usage": {"input_tokens": 2100, "cache_creation_input_tokens": 1800,
                 "cache_read_input_tokens": 0, "output_tokens": 310}}
      """;

  static final String ANSWER =
      """
      {"id": "msg_02", "type": "message", "role": "assistant", "model": "claude-opus-4-6",
       "content": [
         {"type": "thinking", "thinking": "Two steps.", "signature": "EqQBCgIYAhIMsig2"},
         {"type": "text", "text": "The flow has two steps."}],
       "stop_reason": "end_turn", "stop_sequence": null, "stop_details": null,
       "usage": {"input_tokens": 300, "cache_creation_input_tokens": 120,
                 "cache_read_input_tokens": 1800, "output_tokens": 90}}
      """;

  private ChatModelFactory factory(Map<String, String> extra) {
    Map<String, String> variables = new HashMap<>(extra);
    variables.put("ANTHROPIC_API_KEY", "k");
    variables.put("ANTHROPIC_BASE_URL", wm.baseUrl());
    return new ChatModelFactory(
        Environment.of(variables), new ProviderSettings(0, Duration.ofSeconds(5), 2, Sleeper.REAL));
  }

  private AgentResult run(ModelSpec spec) {
    wm.stubFor(
        post(urlEqualTo(PATH))
            .inScenario("loop")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(THINKING_TOOL_USE))
            .willSetStateTo("answered"));
    wm.stubFor(
        post(urlEqualTo(PATH))
            .inScenario("loop")
            .whenScenarioStateIs("answered")
            .willReturn(okJson(ANSWER)));
    return new AgentLoop(factory(Map.of()).create(spec), AgentListener.SILENT)
        .run("You build Windmill flows.", "Summarise flow.yaml", List.of(new ReadFileTool()), 5);
  }

  @Test
  void sendsThinkingAndRedactedThinkingBackWithTheirSignaturesInTheToolLoop() {
    AgentResult result = run(registry.resolve("opus-4.6-thinking"));

    assertThat(result.stop()).isEqualTo(AgentResult.Stop.COMPLETED);
    wm.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(
                equalToJson(
                    """
                    {"messages": [
                      {"role": "user", "content": "Summarise flow.yaml"},
                      {"role": "assistant", "content": [
                        {"type": "thinking",
                         "thinking": "The user wants the flow summarised; read it first.",
                         "signature": "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds"},
                        {"type": "redacted_thinking",
                         "data": "EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIw"},
                        {"type": "text", "text": "I'll read the flow.\\nThen summarise it."},
                        {"type": "tool_use", "id": "toolu_01", "name": "read_file",
                         "input": {"path": "flow.yaml"}}]},
                      {"role": "user", "content": [
                        {"type": "tool_result", "tool_use_id": "toolu_01"}]}]}
                    """,
                    false,
                    true)));
  }

  @Test
  void asksForTheBudgetOnTopOfTheAnswerTokens() {
    run(registry.resolve("opus-4.6-thinking"));

    wm.verify(
        2,
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(
                equalToJson(
                    """
                    {"model": "claude-opus-4-6", "max_tokens": 16384,
                     "thinking": {"type": "enabled", "budget_tokens": 8192}}
                    """,
                    false,
                    true)));
  }

  @Test
  void joinsTextBlocksWithANewline() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(THINKING_TOOL_USE)));

    ChatResponse response =
        factory(Map.of())
            .create(registry.resolve("haiku"))
            .chat(ChatRequest.of("", List.of(new ChatMessage.User("hi")), List.of()));

    assertThat(response.text()).isEqualTo("I'll read the flow.\nThen summarise it.");
    assertThat(response.thoughts()).hasSize(2);
  }

  @Test
  void marksCacheBreakpointsOnTheToolsTheSystemPromptAndTheLatestTurn() {
    run(registry.resolve("haiku"));

    wm.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(
                matchingJsonPath("$.system[0].cache_control.type", equalTo("ephemeral")))
            .withRequestBody(
                matchingJsonPath("$.tools[0].cache_control.type", equalTo("ephemeral")))
            .withRequestBody(
                matchingJsonPath(
                    "$.messages[0].content[0].cache_control.type", equalTo("ephemeral"))));
    // The second request moves the turn breakpoint to the tool results; the first turn is plain.
    wm.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(
                matchingJsonPath("$.messages[0].content", equalTo("Summarise flow.yaml")))
            .withRequestBody(
                matchingJsonPath(
                    "$.messages[2].content[0].cache_control.type", equalTo("ephemeral"))));
  }

  @Test
  void leavesTheBreakpointsOutWithoutPromptCache() {
    run(registry.resolve("haiku").withOptions(Map.of("prompt_cache", "false")));

    wm.verify(
        2, postRequestedFor(urlEqualTo(PATH)).withRequestBody(notContaining("cache_control")));
  }

  @Test
  void asksWithAutoToolChoiceWhileThinkingOrForAModelThatRejectsForcedTools() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(ANSWER)));
    ChatRequest forced =
        new ChatRequest(
            "",
            List.of(new ChatMessage.User("hi")),
            List.of(new ReadFileTool().spec()),
            "read_file",
            512);

    for (String alias : List.of("opus-4.6-thinking", "sonnet", "opus-thinking")) {
      factory(Map.of()).create(registry.resolve(alias)).chat(forced);
    }

    wm.verify(
        3,
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(matchingJsonPath("$.tool_choice.type", equalTo("auto"))));
    wm.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(
                equalToJson(
                    """
                    {"model": "claude-opus-5-5", "thinking": {"type": "adaptive"},
                     "output_config": {"effort": "high"}}
                    """,
                    false,
                    true)));
  }

  @Test
  void sendsTheCurrentApiVersionWithoutSamplingByDefault() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(ANSWER)));

    factory(Map.of())
        .create(registry.resolve("haiku"))
        .chat(ChatRequest.of("", List.of(new ChatMessage.User("hi")), List.of()));

    wm.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withHeader("anthropic-version", equalTo("2026-10-21"))
            .withRequestBody(notContaining("temperature")));
  }

  @Test
  void sendsTheEntrysTemperatureOnTheLegacyApiVersion() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(ANSWER)));
    ModelSpec spec = registry.resolve("haiku-4.5").withOptions(Map.of("temperature", "0"));

    factory(Map.of("ANTHROPIC_API_VERSION", "2023-06-01"))
        .create(spec)
        .chat(ChatRequest.of("", List.of(new ChatMessage.User("hi")), List.of()));

    wm.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withHeader("anthropic-version", equalTo("2023-06-01"))
            .withRequestBody(matchingJsonPath("$.temperature", equalTo("0.0"))));
  }

  @Test
  void refusesATemperatureTheCurrentApiVersionWouldRejectBeforeAnyRequest() {
    ModelSpec spec = registry.resolve("haiku").withOptions(Map.of("temperature", "0"));

    assertThatThrownBy(() -> factory(Map.of()).checkCredentials(spec))
        .isInstanceOf(InvalidModelOptionException.class)
        .hasMessage(
            "model option temperature for haiku: anthropic API version 2026-10-21 has no"
                + " temperature; remove it or set ANTHROPIC_API_VERSION=2023-06-01");
    assertThatThrownBy(
            () -> factory(Map.of("ANTHROPIC_API_VERSION", "2024-01-01")).checkCredentials(spec))
        .hasMessageStartingWith("ANTHROPIC_API_VERSION must be 2026-10-21 or 2023-06-01");
    wm.verify(0, postRequestedFor(urlEqualTo(PATH)));
  }
}
