package dev.evals.model.providers;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import dev.evals.config.Environment;
import dev.evals.model.ChatModel;
import dev.evals.model.InvalidModelOptionException;
import dev.evals.model.MissingApiKeyException;
import dev.evals.model.ModelSpec;
import dev.evals.model.Provider;
import dev.evals.model.ProviderSettings;
import dev.evals.model.anthropic.AnthropicChatModel;
import dev.evals.model.anthropic.AnthropicRequestSettings;
import dev.evals.model.gemini.GeminiChatModel;
import dev.evals.model.http.Backoff;
import dev.evals.model.http.LimiterPool;
import dev.evals.model.http.ProviderHttp;
import dev.evals.model.http.SecretMask;
import dev.evals.model.openai.MaxTokensField;
import dev.evals.model.openai.OpenAiChatModel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * Builds the {@link ChatModel} of a registered model. One factory serves a whole run (model under
 * test and judge), so every model of a provider and key shares one adaptive concurrency limit.
 */
public final class ChatModelFactory {

  /** Overrides the {@code anthropic-version} header. */
  public static final String ANTHROPIC_VERSION_VARIABLE = "ANTHROPIC_API_VERSION";

  private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final int IDLE_SPARE = 2;
  private static final Duration IDLE_KEEP_ALIVE = Duration.ofMinutes(5);

  private final Environment env;
  private final ProviderSettings settings;
  private final Backoff backoff;
  private final LimiterPool limiters;
  private final OkHttpClient client;

  public ChatModelFactory(Environment env, ProviderSettings settings) {
    this(env, settings, new Random(), Clock.systemUTC());
  }

  /** With the randomness of the backoff jitter and the clock of reset headers chosen. */
  public ChatModelFactory(Environment env, ProviderSettings settings, Random random, Clock clock) {
    this.env = env;
    this.settings = settings;
    this.backoff = new Backoff(random, clock);
    this.limiters = new LimiterPool(settings.maxConcurrency(), clock);
    Duration timeout = settings.requestTimeout();
    this.client =
        new OkHttpClient.Builder()
            .callTimeout(timeout)
            .readTimeout(timeout)
            .writeTimeout(timeout)
            .connectTimeout(
                timeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? timeout : MAX_CONNECT_TIMEOUT)
            .connectionPool(connectionPool(settings.maxConcurrency()))
            .build();
  }

  /**
   * Fails fast, before any request, with a {@link MissingApiKeyException} naming the variable when
   * the model's provider needs a key that is not set, or an {@link InvalidModelOptionException} for
   * an option the provider would reject.
   */
  public void checkCredentials(ModelSpec spec) {
    if (spec.isReference()) {
      return;
    }
    ProviderEndpoint endpoint = ProviderEndpoint.of(spec.provider());
    if (endpoint.keyRequired() && apiKey(endpoint).isEmpty()) {
      throw new MissingApiKeyException(endpoint.keyName(), endpoint.missingKeyMessage());
    }
    spec.options().check(spec.provider(), spec.alias());
    if (spec.provider() == Provider.ANTHROPIC) {
      anthropicSettings(spec);
    }
  }

  /**
   * The API version is a provider setting ({@value #ANTHROPIC_VERSION_VARIABLE}): the current SDK's
   * {@code 2026-10-21} by default, which has no temperature, or {@code 2023-06-01}.
   */
  private AnthropicRequestSettings anthropicSettings(ModelSpec spec) {
    String version =
        env.getOrDefault(ANTHROPIC_VERSION_VARIABLE, AnthropicRequestSettings.CURRENT_VERSION)
            .trim();
    if (!version.equals(AnthropicRequestSettings.CURRENT_VERSION)
        && !version.equals(AnthropicRequestSettings.LEGACY_VERSION)) {
      throw new InvalidModelOptionException(
          ANTHROPIC_VERSION_VARIABLE
              + " must be "
              + AnthropicRequestSettings.CURRENT_VERSION
              + " or "
              + AnthropicRequestSettings.LEGACY_VERSION
              + ", got '"
              + version
              + "'");
    }
    AnthropicRequestSettings settings = new AnthropicRequestSettings(version, spec.options());
    if (spec.options().temperature().isPresent() && !settings.takesTemperature()) {
      throw new InvalidModelOptionException(
          "model option temperature for "
              + spec.alias()
              + ": anthropic API version "
              + version
              + " has no temperature; remove it or set "
              + ANTHROPIC_VERSION_VARIABLE
              + "="
              + AnthropicRequestSettings.LEGACY_VERSION);
    }
    return settings;
  }

  /** The chat model of a registered model; not for the reference model. */
  public ChatModel create(ModelSpec spec) {
    if (spec.isReference()) {
      throw new IllegalArgumentException("the reference model has no chat model");
    }
    checkCredentials(spec);
    ProviderEndpoint endpoint = ProviderEndpoint.of(spec.provider());
    String key = apiKey(endpoint).orElse(null);
    String baseUrl = env.getOrDefault(endpoint.baseUrlVariable(), endpoint.defaultBaseUrl());
    ProviderHttp http = http(spec.provider(), key);
    return switch (spec.provider()) {
      case ANTHROPIC ->
          new AnthropicChatModel(spec.modelId(), baseUrl, key, anthropicSettings(spec), http);
      case GEMINI -> new GeminiChatModel(spec.modelId(), baseUrl, key, spec.options(), http);
      case OPENAI ->
          new OpenAiChatModel(
              spec.modelId(),
              baseUrl,
              key,
              MaxTokensField.MAX_COMPLETION_TOKENS,
              spec.options(),
              http);
      case OPENAI_COMPATIBLE, DEEPSEEK ->
          new OpenAiChatModel(
              spec.modelId(), baseUrl, key, MaxTokensField.MAX_TOKENS, spec.options(), http);
      case REFERENCE -> throw new IllegalArgumentException("unreachable");
    };
  }

  /**
   * OkHttp keeps 5 idle connections by default, so at 50 in flight most answers closed theirs and
   * the next request opened (in real use: TLS-handshook) a new one. Keeping as many idle as may be
   * in flight lets each request reuse one; the judge shares the pool, hence the few extra.
   */
  static ConnectionPool connectionPool(int maxConcurrency) {
    return new ConnectionPool(
        maxConcurrency + IDLE_SPARE, IDLE_KEEP_ALIVE.toMillis(), MILLISECONDS);
  }

  /**
   * The concurrency each provider's limiter allows now, for the progress line: for example
   * "anthropic allows 12/50 concurrent".
   */
  public List<String> throttleStatus() {
    return limiters.allowances();
  }

  private ProviderHttp http(Provider provider, String key) {
    List<String> secrets = new ArrayList<>(env.secretValues());
    if (key != null) {
      secrets.add(key);
    }
    return new ProviderHttp(
        provider.id(),
        client,
        settings,
        limiters.limiter(provider.id(), key),
        new SecretMask(secrets),
        backoff);
  }

  private Optional<String> apiKey(ProviderEndpoint endpoint) {
    return endpoint.keyVariables().stream().map(env::get).flatMap(Optional::stream).findFirst();
  }
}
