package dev.evals.model.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LimiterPoolTest {

  private final LimiterPool pool = new LimiterPool(5, Clock.systemUTC());

  @Test
  void reportsTheAllowanceOfEachProviderInUse() throws InterruptedException {
    pool.limiter("anthropic", "sk-one");
    AdaptiveLimiter.Permit permit = pool.limiter("openai", "sk-two").acquire();
    permit.rateLimited(Optional.empty());
    permit.release();

    assertThat(pool.allowances())
        .containsExactly("anthropic allows 5/5 concurrent", "openai allows 3/5 concurrent");
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
