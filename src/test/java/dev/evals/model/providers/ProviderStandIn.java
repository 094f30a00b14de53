package dev.evals.model.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.evals.agent.AgentListener;
import dev.evals.agent.AgentLoop;
import dev.evals.agent.AgentResult;
import dev.evals.config.Environment;
import dev.evals.json.Mappers;
import dev.evals.model.ChatMessage;
import dev.evals.model.ChatModel;
import dev.evals.model.ChatRequest;
import dev.evals.model.ModelRegistry;
import dev.evals.model.ModelSpec;
import dev.evals.model.ProviderSettings;
import dev.evals.model.ReadFileTool;
import dev.evals.model.RecordingSleeper;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One provider played by WireMock on loopback: which model of it is called, where its requests go,
 * and the environment that points the real factory at the stand-in with a test key. The shared
 * fixture of the provider tests: the server, the scripted turns, the agent run they drive.
 *
 * @param alias a registered model of the provider
 * @param keyVariable the variable holding its API key
 * @param baseUrlVariable the variable overriding its base URL
 * @param basePath what the base URL adds to WireMock's address
 * @param path where a chat request for {@code alias} is posted
 */
public record ProviderStandIn(
    String alias, String keyVariable, String baseUrlVariable, String basePath, String path) {

  /** The key every stand-in is called with; no message may contain it. */
  public static final String KEY = "sk-test-secret";

  public static final ProviderStandIn ANTHROPIC =
      new ProviderStandIn("haiku", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "", "/v1/messages");
  public static final ProviderStandIn OPENAI =
      new ProviderStandIn("4o", "OPENAI_API_KEY", "OPENAI_BASE_URL", "/v1", "/v1/chat/completions");
  public static final ProviderStandIn GEMINI =
      new ProviderStandIn(
          "gemini-flash",
          "GEMINI_API_KEY",
          "GEMINI_BASE_URL",
          "",
          "/v1beta/models/gemini-2.5-flash:generateContent");

  /** The registered model the stand-in answers for. */
  public ModelSpec spec() {
    return ModelRegistry.builtIn(Mappers.yaml()).resolve(alias);
  }

  /** The real factory, pointed at {@code server}, retrying as often as asked. */
  public ChatModelFactory factory(
      WireMockExtension server, int maxRetries, Duration timeout, RecordingSleeper sleeper) {
    Environment env =
        Environment.of(Map.of(keyVariable, KEY, baseUrlVariable, server.baseUrl() + basePath));
    return new ChatModelFactory(env, new ProviderSettings(maxRetries, timeout, 5, sleeper));
  }

  /** The chat model of {@link #spec}, retrying as often as asked. */
  public ChatModel model(WireMockExtension server, int maxRetries, RecordingSleeper sleeper) {
    return factory(server, maxRetries, Duration.ofSeconds(5), sleeper).create(spec());
  }

  /** WireMock on a dynamic loopback port, as every provider test registers it. */
  public static WireMockExtension loopback() {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
        .build();
  }

  /**
   * The stand-in answers its first chat request with {@code first}, every later one {@code second}.
   */
  public void stubTurns(
      WireMockExtension server, ResponseDefinitionBuilder first, ResponseDefinitionBuilder second) {
    server.stubFor(
        post(urlEqualTo(path))
            .inScenario("turns")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(first)
            .willSetStateTo("second"));
    server.stubFor(
        post(urlEqualTo(path))
            .inScenario("turns")
            .whenScenarioStateIs("second")
            .willReturn(second));
  }

  /** The tool loop the conversation tests drive: summarise flow.yaml with read_file, 5 turns. */
  public static AgentResult runAgent(ChatModel model) {
    return new AgentLoop(model, AgentListener.SILENT)
        .run("You build Windmill flows.", "Summarise flow.yaml", List.of(new ReadFileTool()), 5);
  }

  /** One user message, no tools. */
  public static ChatRequest hello() {
    return ChatRequest.of("", List.of(new ChatMessage.User("hi")), List.of());
  }
}
