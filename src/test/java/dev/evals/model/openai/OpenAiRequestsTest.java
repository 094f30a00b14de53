package dev.evals.model.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.evals.agent.AgentListener;
import dev.evals.agent.AgentLoop;
import dev.evals.config.Environment;
import dev.evals.json.Mappers;
import dev.evals.model.ChatMessage;
import dev.evals.model.ChatModel;
import dev.evals.model.ChatRequest;
import dev.evals.model.ModelRegistry;
import dev.evals.model.ProviderSettings;
import dev.evals.model.ReadFileTool;
import dev.evals.model.Sleeper;
import dev.evals.model.ToolCall;
import dev.evals.model.providers.ChatModelFactory;
import dev.evals.model.providers.ProviderStandIn;
import dev.evals.testing.ProviderAnswers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reasoning effort and the stable prefix OpenAI's automatic prompt cache needs. */
class OpenAiRequestsTest {

  private static final String PATH = "/v1/chat/completions";

  @RegisterExtension static WireMockExtension wm = ProviderStandIn.loopback();

  private ChatModel model(String alias) {
    Environment env =
        Environment.of(Map.of("OPENAI_API_KEY", "k", "OPENAI_BASE_URL", wm.baseUrl() + "/v1"));
    return new ChatModelFactory(
            env, new ProviderSettings(0, Duration.ofSeconds(5), 2, Sleeper.REAL))
        .create(ModelRegistry.builtIn(Mappers.yaml()).resolve(alias));
  }

  @Test
  void sendsTheReasoningEffortOfTheEntryAndNoTemperature() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(ProviderAnswers.openAiText("ok", 5, 1))));

    model("gpt-5.5-high").chat(ChatRequest.of("", List.of(new ChatMessage.User("hi")), List.of()));

    wm.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-5.5")))
            .withRequestBody(matchingJsonPath("$.reasoning_effort", equalTo("high")))
            .withRequestBody(matchingJsonPath("$[?(!@.temperature)]")));
  }

  /** OpenAI caches the longest repeated prefix: each request must begin with the previous one. */
  @Test
  void keepsEveryRequestAPrefixOfTheNext() throws Exception {
    wm.stubFor(
        post(urlEqualTo(PATH))
            .inScenario("loop")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                okJson(
                    ProviderAnswers.openAiToolCall(
                        new ToolCall("call_1", "read_file", "{\"path\":\"flow.yaml\"}"), 50, 5)))
            .willSetStateTo("second"));
    wm.stubFor(
        post(urlEqualTo(PATH))
            .inScenario("loop")
            .whenScenarioStateIs("second")
            .willReturn(okJson(ProviderAnswers.openAiText("Two steps.", 60, 3))));

    new AgentLoop(model("gpt-5.5"), AgentListener.SILENT)
        .run("You build Windmill flows.", "Summarise flow.yaml", List.of(new ReadFileTool()), 5);

    List<JsonNode> bodies =
        wm.findAll(postRequestedFor(urlEqualTo(PATH))).stream()
            .map(r -> readTree(r.getBodyAsString()))
            .toList();
    assertThat(bodies).hasSize(2);
    JsonNode first = bodies.get(0).path("messages");
    JsonNode second = bodies.get(1).path("messages");
    for (int i = 0; i < first.size(); i++) {
      assertThat(second.get(i)).isEqualTo(first.get(i));
    }
    assertThat(bodies.get(1).path("tools")).isEqualTo(bodies.get(0).path("tools"));
  }

  private static JsonNode readTree(String body) {
    try {
      return Mappers.json().readTree(body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
