package dev.evals.model.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
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
  void aRetryAfterHoldsBackEveryRequestOfThatKeyAndNoOther() throws InterruptedException {
    MutableClock clock = new MutableClock();
    LimiterPool shared = new LimiterPool(5, clock);
    AdaptiveLimiter.Permit refused = shared.limiter("openai", "sk-one").acquire();
    refused.rateLimited(Optional.of(Duration.ofSeconds(2)));
    refused.release();

    assertThat(shared.limiter("openai", "sk-one").paused()).isEqualTo(Duration.ofSeconds(2));
    assertThat(shared.limiter("openai", "sk-two").paused()).isZero();
    assertThat(shared.limiter("anthropic", "sk-one").paused()).isZero();
    clock.advance(Duration.ofSeconds(2));
    assertThat(shared.limiter("openai", "sk-one").paused()).isZero();
  }

  @Test
  void identifiesKeysByAHashOnly() {
    assertThat(LimiterPool.fingerprint("sk-test-secret"))
        .hasSize(16)
        .doesNotContain("sk-test-secret")
        .isEqualTo(LimiterPool.fingerprint("sk-test-secret"));
  }
}
