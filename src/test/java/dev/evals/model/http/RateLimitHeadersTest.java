package dev.evals.model.http;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {

  @Test
  void reportsTheSmallestFractionLeft() {
    Headers headers =
        Headers.of(
            "anthropic-ratelimit-requests-limit", "50",
            "anthropic-ratelimit-requests-remaining", "40",
            "anthropic-ratelimit-tokens-limit", "10000",
            "anthropic-ratelimit-tokens-remaining", "500");

    assertThat(RateLimitHeaders.headroom(headers)).hasValue(0.05);
  }

  @Test
  void readsOpenAiHeaders() {
    Headers headers =
        Headers.of("x-ratelimit-limit-requests", "60", "x-ratelimit-remaining-requests", "30");

    assertThat(RateLimitHeaders.headroom(headers)).hasValue(0.5);
  }

  @Test
  void knowsNothingWithoutHeaders() {
    assertThat(RateLimitHeaders.headroom(Headers.of("x-ratelimit-limit-requests", "60"))).isEmpty();
  }
}
