package dev.evals.model.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.evals.model.ContextOverflowException;
import dev.evals.model.ProviderException;
import dev.evals.model.ProviderSettings;
import dev.evals.model.Sleeper;
import dev.evals.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderHttpTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private final MutableClock clock = new MutableClock();
  private final ClockSleeper sleeper = new ClockSleeper(clock);
  private final AdaptiveLimiter limiter = new AdaptiveLimiter(4, clock);
  private final ProviderHttp http =
      new ProviderHttp(
          "test",
          new OkHttpClient(),
          new ProviderSettings(3, Duration.ofSeconds(5), 4, sleeper),
          limiter,
          new SecretMask(List.of("sk-secret")),
          new Backoff(new Random(1), Clock.systemUTC()));

  private Runnable call() {
    return () ->
        http.post(wm.baseUrl() + "/chat", Headers.of(), JsonNodeFactory.instance.objectNode());
  }

  @ParameterizedTest(name = "HTTP {0} fails at once")
  @CsvSource({"400", "401", "403", "404", "422"})
  void failsAtOnceOnClientErrors(int status) {
    wm.stubFor(
        post(urlEqualTo("/chat"))
            .willReturn(
                aResponse().withStatus(status).withBody("{\"error\": {\"message\": \"no\"}}")));

    assertThatThrownBy(call()::run)
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retriable()).isFalse())
        .hasMessage("test: HTTP " + status + ": no");
    wm.verify(1, postRequestedFor(urlEqualTo("/chat")));
    assertThat(sleeper.waits()).isEmpty();
  }

  @ParameterizedTest(name = "HTTP {0} is retried")
  @CsvSource({"408", "409", "429", "500", "502", "503", "504", "529"})
  void retriesTransientStatuses(int status) {
    wm.stubFor(
        post(urlEqualTo("/chat"))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            // With a wait asked for, OkHttp leaves even a 408 to our retries.
            .willReturn(aResponse().withStatus(status).withHeader("retry-after", "1"))
            .willSetStateTo("recovered"));
    wm.stubFor(
        post(urlEqualTo("/chat"))
            .inScenario("flaky")
            .whenScenarioStateIs("recovered")
            .willReturn(okJson("{\"ok\": true}")));

    call().run();

    wm.verify(2, postRequestedFor(urlEqualTo("/chat")));
    assertThat(sleeper.waits()).hasSize(1);
  }

  @Test
  void retriesAClientErrorTheServerMarksRetriable() {
    wm.stubFor(
        post(urlEqualTo("/chat"))
            .inScenario("marked")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(400).withHeader("x-should-retry", "true"))
            .willSetStateTo("recovered"));
    wm.stubFor(
        post(urlEqualTo("/chat"))
            .inScenario("marked")
            .whenScenarioStateIs("recovered")
            .willReturn(okJson("{\"ok\": true}")));

    call().run();

    wm.verify(2, postRequestedFor(urlEqualTo("/chat")));
  }

  @Test
  void failsAtOnceOnAServerErrorTheServerMarksFinal() {
    wm.stubFor(
        post(urlEqualTo("/chat"))
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("x-should-retry", "false")
                    .withBody("{\"error\": {\"message\": \"overloaded\"}}")));

    assertThatThrownBy(call()::run)
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retriable()).isFalse())
        .hasMessage("test: HTTP 503: overloaded");
    wm.verify(1, postRequestedFor(urlEqualTo("/chat")));
    assertThat(sleeper.waits()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          anthropic | {"type": "error", "error": {"type": "invalid_request_error", "message": "prompt is too long: 210345 tokens > 200000 maximum"}}
          openai    | {"error": {"message": "This model's maximum context length is 128000 tokens. However, your messages resulted in 130512 tokens.", "type": "invalid_request_error", "param": "messages", "code": "context_length_exceeded"}}
          gemini    | {"error": {"code": 400, "message": "The input token count (1048999) exceeds the maximum number of tokens allowed (1048576).", "status": "INVALID_ARGUMENT"}}
          """)
  void reportsAContextOverflowWithItsSize(String provider, String body) {
    wm.stubFor(post(urlEqualTo("/chat")).willReturn(aResponse().withStatus(400).withBody(body)));

    assertThatThrownBy(call()::run)
        .isInstanceOf(ContextOverflowException.class)
        .hasMessageMatching("test: HTTP 400: .*\\d{6,}.*");
  }

  @Test
  void retriesAtMostMaxRetriesTimes() {
    wm.stubFor(
        post(urlEqualTo("/chat")).willReturn(aResponse().withStatus(502).withBody("bad gateway")));

    assertThatThrownBy(call()::run)
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retriable()).isTrue())
        .hasMessage("test: HTTP 502 after 3 retries: bad gateway");
    wm.verify(4, postRequestedFor(urlEqualTo("/chat")));
    assertThat(sleeper.waits()).hasSize(3);
  }

  @Test
  void countsRateLimitsWithinOneWindowAsOneCongestionSignal() {
    for (int i = 0; i < 3; i++) {
      wm.stubFor(
          post(urlEqualTo("/chat"))
              .inScenario("burst")
              .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "refused " + i)
              .willReturn(aResponse().withStatus(429).withHeader("retry-after-ms", "0"))
              .willSetStateTo("refused " + (i + 1)));
    }
    wm.stubFor(
        post(urlEqualTo("/chat"))
            .inScenario("burst")
            .whenScenarioStateIs("refused 3")
            .willReturn(okJson("{}")));

    call().run();

    wm.verify(4, postRequestedFor(urlEqualTo("/chat")));
    assertThat(limiter.allowed()).isEqualTo(2);
  }

  @Test
  void rateLimitsSlowARequestDownWithoutUsingUpItsRetries() {
    int limited = 10; // more than the three retries this client allows
    for (int i = 0; i < limited; i++) {
      wm.stubFor(
          post(urlEqualTo("/chat"))
              .inScenario("limited")
              .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "limited " + i)
              .willReturn(aResponse().withStatus(429).withHeader("retry-after-ms", "50"))
              .willSetStateTo(i + 1 == limited ? "allowed" : "limited " + (i + 1)));
    }
    wm.stubFor(
        post(urlEqualTo("/chat"))
            .inScenario("limited")
            .whenScenarioStateIs("allowed")
            .willReturn(okJson("{\"ok\": true}")));

    call().run();

    wm.verify(limited + 1, postRequestedFor(urlEqualTo("/chat")));
    assertThat(sleeper.waits())
        .contains(Duration.ofMillis(50))
        .hasSizeGreaterThanOrEqualTo(limited);
  }

  @Test
  void givesUpOnARateLimitOnlyAfterWaitingItsPatienceOut() {
    wm.stubFor(
        post(urlEqualTo("/chat"))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("retry-after", "60")
                    .withBody("{\"error\": {\"message\": \"slow down\"}}")));

    assertThatThrownBy(call()::run)
        .isInstanceOfSatisfying(
            ProviderException.RateLimited.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(60)))
        .hasMessage("test: HTTP 429 after 13 retries: slow down");
    // Ten one-minute waits fill the ten minutes of patience, then the three ordinary retries.
    wm.verify(14, postRequestedFor(urlEqualTo("/chat")));
  }

  @Test
  void failsAtOnceWhenARateLimitSaysTheQuotaIsSpent() {
    wm.stubFor(
        post(urlEqualTo("/chat"))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withBody(
                        "{\"error\": {\"message\": \"You exceeded your current quota\","
                            + " \"type\": \"insufficient_quota\", \"code\":"
                            + " \"insufficient_quota\"}}")));

    assertThatThrownBy(call()::run)
        .isInstanceOf(ProviderException.RateLimited.class)
        .hasMessage("test: HTTP 429: You exceeded your current quota");
    wm.verify(1, postRequestedFor(urlEqualTo("/chat")));
  }

  @Test
  void everyRequestOfABurstThatOutrunsTheRateLimitEndsOk() throws Exception {
    int burst = 12;
    int refusals = 30;
    for (int i = 0; i < refusals; i++) {
      wm.stubFor(
          post(urlEqualTo("/chat"))
              .inScenario("burst")
              .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "refused " + i)
              .willReturn(
                  aResponse()
                      .withStatus(429)
                      .withHeader("retry-after", "1")
                      .withBody("{\"error\": {\"message\": \"rate limited\"}}"))
              .willSetStateTo(i + 1 == refusals ? "allowed" : "refused " + (i + 1)));
    }
    wm.stubFor(
        post(urlEqualTo("/chat"))
            .inScenario("burst")
            .whenScenarioStateIs("allowed")
            .willReturn(okJson("{\"ok\": true}")));
    ExecutorService pool = Executors.newFixedThreadPool(burst);
    try {
      List<Future<?>> requests = new ArrayList<>();
      for (int i = 0; i < burst; i++) {
        requests.add(pool.submit(call()));
      }
      for (Future<?> request : requests) {
        request.get(30, TimeUnit.SECONDS); // throws if any request failed
      }
    } finally {
      pool.shutdownNow();
    }

    wm.verify(refusals + burst, postRequestedFor(urlEqualTo("/chat")));
    assertThat(sleeper.waits()).contains(Duration.ofSeconds(1));
  }

  @Test
  void aQueuedRequestWaitsOutARetryAfterGivenWhileItWaitedForASlot() throws Exception {
    AdaptiveLimiter one = new AdaptiveLimiter(1, clock);
    AdaptiveLimiter.Permit held = one.acquire();
    ProviderHttp queued =
        new ProviderHttp(
            "test",
            new OkHttpClient(),
            new ProviderSettings(3, Duration.ofSeconds(5), 1, sleeper),
            one,
            new SecretMask(List.of()),
            new Backoff(new Random(1), Clock.systemUTC()));
    wm.stubFor(post(urlEqualTo("/chat")).willReturn(okJson("{}")));
    Thread request =
        new Thread(
            () ->
                queued.post(
                    wm.baseUrl() + "/chat", Headers.of(), JsonNodeFactory.instance.objectNode()));
    request.start();
    while (request.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }

    held.rateLimited(Optional.of(Duration.ofSeconds(2)));
    held.release();
    request.join();

    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void shrinksTheLimitWhenHeadersShowLittleHeadroom() {
    wm.stubFor(
        post(urlEqualTo("/chat"))
            .willReturn(
                okJson("{}")
                    .withHeader("x-ratelimit-limit-requests", "100")
                    .withHeader("x-ratelimit-remaining-requests", "3")));

    call().run();

    assertThat(limiter.allowed()).isEqualTo(3);
  }

  @Test
  void masksSecretsInResponseExcerpts() {
    wm.stubFor(
        post(urlEqualTo("/chat"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody("[{\"error\": {\"message\": \"bad key sk-secret\"}}]")));

    assertThatThrownBy(call()::run).hasMessage("test: HTTP 401: bad key ***");
  }

  @Test
  void retriesASuccessWhoseBodyIsAProxyPageLikeA502() {
    wm.stubFor(
        post(urlEqualTo("/chat"))
            .inScenario("proxy page")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html><body>Gateway maintenance</body></html>"))
            .willSetStateTo("recovered"));
    wm.stubFor(
        post(urlEqualTo("/chat"))
            .inScenario("proxy page")
            .whenScenarioStateIs("recovered")
            .willReturn(okJson("{\"ok\": true}")));

    assertThat(
            http.post(wm.baseUrl() + "/chat", Headers.of(), JsonNodeFactory.instance.objectNode())
                .get("ok")
                .asBoolean())
        .isTrue();
    wm.verify(2, postRequestedFor(urlEqualTo("/chat")));
    assertThat(sleeper.waits()).hasSize(1);
  }

  @Test
  void givesUpOnASuccessThatIsNeverJsonAfterItsRetries() {
    wm.stubFor(
        post(urlEqualTo("/chat")).willReturn(aResponse().withStatus(200).withBody("<html>")));

    assertThatThrownBy(call()::run)
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retriable()).isTrue())
        .hasMessage("test: HTTP 200 whose body is not JSON after 3 retries: <html>");
    wm.verify(4, postRequestedFor(urlEqualTo("/chat")));
  }

  /** Returns at once, remembering each wait and moving the limiter's clock past it. */
  private static final class ClockSleeper implements Sleeper {

    private final MutableClock clock;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    ClockSleeper(MutableClock clock) {
      this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
      waits.add(duration);
      synchronized (clock) {
        clock.advance(duration);
      }
    }

    List<Duration> waits() {
      return List.copyOf(waits);
    }
  }
}
