package dev.evals.model.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.evals.config.Environment;
import dev.evals.json.Mappers;
import dev.evals.model.MissingApiKeyException;
import dev.evals.model.ModelRegistry;
import dev.evals.model.ModelSpec;
import dev.evals.model.ProviderSettings;
import dev.evals.model.anthropic.AnthropicChatModel;
import dev.evals.model.gemini.GeminiChatModel;
import dev.evals.model.openai.OpenAiChatModel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatModelFactoryTest {

  private final ModelRegistry registry = ModelRegistry.builtIn(Mappers.yaml());

  private static ChatModelFactory factory(Map<String, String> variables) {
    return new ChatModelFactory(Environment.of(variables), ProviderSettings.defaults());
  }

  @ParameterizedTest(name = "{0} needs {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          haiku             | ANTHROPIC_API_KEY is not set: export it or put it in .env
          4o                | OPENAI_API_KEY is not set: export it or put it in .env
          gemini-pro        | GEMINI_API_KEY (or GOOGLE_API_KEY) is not set: export it or put it in .env
          deepseek-v4-pro   | DEEPSEEK_API_KEY is not set: export it or put it in .env
          """)
  void namesTheVariableOfAMissingKey(String model, String message) {
    ModelSpec spec = registry.resolve(model);

    assertThatThrownBy(() -> factory(Map.of()).checkCredentials(spec))
        .isInstanceOf(MissingApiKeyException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> factory(Map.of()).create(spec))
        .isInstanceOf(MissingApiKeyException.class);
  }

  @Test
  void treatsABlankKeyAsMissing() {
    assertThatThrownBy(
            () ->
                factory(Map.of("ANTHROPIC_API_KEY", "  "))
                    .checkCredentials(registry.resolve("opus")))
        .isInstanceOf(MissingApiKeyException.class);
  }

  @Test
  void needsNoKeyForTheReferenceModelOrAnOpenAiCompatibleServer() {
    ChatModelFactory factory = factory(Map.of());

    factory.checkCredentials(registry.resolve("reference"));
    factory.checkCredentials(registry.resolve("openai-compatible:llama3"));
  }

  @Test
  void refusesToBuildAChatModelForTheReferenceModel() {
    assertThatThrownBy(() -> factory(Map.of()).create(registry.resolve("reference")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void picksTheAdapterOfEachProvider() {
    ChatModelFactory factory =
        factory(
            Map.of(
                "ANTHROPIC_API_KEY", "a-key",
                "OPENAI_API_KEY", "o-key",
                "GOOGLE_API_KEY", "g-key",
                "DEEPSEEK_API_KEY", "d-key"));

    assertThat(factory.create(registry.resolve("sonnet"))).isInstanceOf(AnthropicChatModel.class);
    assertThat(factory.create(registry.resolve("gpt-5.5"))).isInstanceOf(OpenAiChatModel.class);
    assertThat(factory.create(registry.resolve("flash"))).isInstanceOf(GeminiChatModel.class);
    assertThat(factory.create(registry.resolve("deepseek"))).isInstanceOf(OpenAiChatModel.class);
    assertThat(factory.create(registry.resolve("openai-compatible:qwen3")))
        .isInstanceOf(OpenAiChatModel.class);
  }

  @Test
  void reportsNoThrottlingBeforeAnyRequest() {
    assertThat(factory(Map.of()).throttleStatus()).isEmpty();
  }

  /** Holds every request until {@link #PARALLEL} have arrived, so each needs its own connection. */
  static final class Gate implements ResponseDefinitionTransformerV2 {
    volatile CountDownLatch arrived;

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      CountDownLatch arrived = this.arrived;
      arrived.countDown();
      try {
        arrived.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return serveEvent.getResponseDefinition();
    }

    @Override
    public String getName() {
      return "gate";
    }
  }

  private static final int PARALLEL = 7;
  private static final Gate GATE = new Gate();

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(GATE))
          .build();

  @Test
  void reusesAConnectionForEveryRequestThatMayBeInFlight() throws Exception {
    wm.stubFor(get(urlEqualTo("/ping")).willReturn(ok("pong")));
    AtomicInteger opened = new AtomicInteger();
    OkHttpClient client =
        new OkHttpClient.Builder()
            .connectionPool(ChatModelFactory.connectionPool(PARALLEL))
            .eventListener(
                new EventListener() {
                  @Override
                  public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
                    opened.incrementAndGet();
                  }
                })
            .build();
    ExecutorService threads = Executors.newFixedThreadPool(PARALLEL);

    for (int round = 0; round < 2; round++) {
      GATE.arrived = new CountDownLatch(PARALLEL);
      List<Future<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < PARALLEL; i++) {
        calls.add(threads.submit(() -> status(client)));
      }
      for (Future<Integer> call : calls) {
        assertThat(call.get()).isEqualTo(200);
      }
    }
    threads.shutdown();

    assertThat(opened).hasValue(PARALLEL); // OkHttp's default pool keeps 5, so opens 2 more
  }

  private static int status(OkHttpClient client) throws IOException {
    try (Response response =
        client.newCall(new Request.Builder().url(wm.baseUrl() + "/ping").build()).execute()) {
      return response.code();
    }
  }
}
