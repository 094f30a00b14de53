package dev.evals.model.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LimiterPoolTest {

  private final LimiterPool pool = new LimiterPool(5);

  @Test
  void reportsNothingWhileNoProviderIsThrottled() {
    pool.limiter("anthropic", "sk-one");

    assertThat(pool.throttleStatus()).isEmpty();
  }

  @Test
  void reportsEachThrottledProvider() {
    pool.limiter("anthropic", "sk-one").recordRateLimited();
    pool.limiter("openai", "sk-two").recordRateLimited();
    pool.limiter("openai", "sk-two").recordRateLimited();

    assertThat(pool.throttleStatus())
        .containsExactly(
            "anthropic throttled to 2 concurrent requests",
            "openai throttled to 1 concurrent request");
  }

  @Test
  void sharesOneLimiterPerProviderAndKey() {
    assertThat(pool.limiter("anthropic", "sk-one")).isSameAs(pool.limiter("anthropic", "sk-one"));
    assertThat(pool.limiter("anthropic", "sk-one"))
        .isNotSameAs(pool.limiter("anthropic", "sk-two"));
    assertThat(pool.limiter("anthropic", "sk-one")).isNotSameAs(pool.limiter("openai", "sk-one"));
    assertThat(pool.limiter("openai-compatible", null))
        .isSameAs(pool.limiter("openai-compatible", ""));
  }

  @Test
  void identifiesKeysByAHashOnly() {
    assertThat(LimiterPool.fingerprint("sk-test-secret"))
        .hasSize(16)
        .doesNotContain("sk-test-secret")
        .isEqualTo(LimiterPool.fingerprint("sk-test-secret"));
  }
}
