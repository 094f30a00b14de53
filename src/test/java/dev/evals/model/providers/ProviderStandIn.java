package dev.evals.model.providers;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.evals.config.Environment;
import dev.evals.json.Mappers;
import dev.evals.model.ChatModel;
import dev.evals.model.ModelRegistry;
import dev.evals.model.ModelSpec;
import dev.evals.model.ProviderSettings;
import dev.evals.model.RecordingSleeper;
import java.time.Duration;
import java.util.Map;

/**
 * One provider played by WireMock on loopback: which model of it is called, where its requests go,
 * and the environment that points the real factory at the stand-in with a test key.
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
}
