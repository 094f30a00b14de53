package dev.evals.model.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

  private final Backoff backoff = new Backoff(new Random(42), NOW);

  @ParameterizedTest(name = "{0}: {1} waits {2} ms")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          retry-after                        | 7                             | 7000
          retry-after                        | 1.5                           | 2000
          retry-after                        | Tue, 24 Nov 2026 10:00:30 GMT | 30000
          retry-after                        | Tue, 24 Nov 2026 09:00:00 GMT | 0
          retry-after-ms                     | 1500                          | 1500
          anthropic-ratelimit-requests-reset | 2026-11-24T10:00:04Z          | 4000
          x-ratelimit-reset-requests         | 1m30s                         | 90000
          x-ratelimit-reset-tokens           | 20ms                          | 20
          x-ratelimit-reset-requests         | 1.5s                          | 1500
          retry-after                        | 86400                         | 300000
          """)
  void waitsAsLongAsTheServerAsks(String header, String value, long millis) {
    assertThat(backoff.delay(0, Headers.of(header, value), ""))
        .isEqualTo(Duration.ofMillis(millis));
  }

  @Test
  void prefersRetryAfterMillisecondsOverSeconds() {
    Headers headers = Headers.of("retry-after", "2", "retry-after-ms", "2500");

    assertThat(backoff.delay(0, headers, "")).isEqualTo(Duration.ofMillis(2500));
  }

  @Test
  void waitsForTheLatestResetWhenSeveralAreGiven() {
    Headers headers =
        Headers.of("x-ratelimit-reset-requests", "1s", "x-ratelimit-reset-tokens", "6s");

    assertThat(backoff.delay(0, headers, "")).isEqualTo(Duration.ofSeconds(6));
  }

  @ParameterizedTest(name = "retry {0} waits between {1} and {2} ms")
  @CsvSource({"0, 500, 1000", "1, 1000, 2000", "3, 4000, 8000", "10, 30000, 60000"})
  void backsOffExponentiallyWithJitterWhenTheServerSaysNothing(int retry, long min, long max) {
    Duration delay = backoff.delay(retry, Headers.of(), "");

    assertThat(delay.toMillis()).isBetween(min, max);
  }

  @Test
  void jitterSpreadsTheWaitsOfParallelRetries() {
    Duration first = backoff.delay(4, Headers.of(), "");
    Duration second = backoff.delay(4, Headers.of(), "");

    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void ignoresHeadersItCannotRead() {
    Duration delay =
        backoff.delay(0, Headers.of("retry-after", "soon", "x-ratelimit-reset-requests", "1x"), "");

    assertThat(delay.toMillis()).isBetween(500L, 1000L);
  }

  @Test
  void waitsAsLongAsGeminisRetryInfoAsks() {
    String body =
        """
        {"error": {"code": 429, "message": "You exceeded your current quota.",
          "status": "RESOURCE_EXHAUSTED",
          "details": [
            {"@type": "type.googleapis.com/google.rpc.QuotaFailure", "violations": []},
            {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "24s"}]}}
        """;

    assertThat(backoff.delay(0, Headers.of(), body)).isEqualTo(Duration.ofSeconds(24));
  }
}
