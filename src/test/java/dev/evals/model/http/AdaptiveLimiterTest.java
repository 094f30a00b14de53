package dev.evals.model.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.testing.MutableClock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class AdaptiveLimiterTest {

  private final MutableClock clock = new MutableClock();
  private final AdaptiveLimiter limiter = new AdaptiveLimiter(50, clock);

  /** A request that took {@code latency} and succeeded. */
  private void succeed(Duration latency) throws InterruptedException {
    AdaptiveLimiter.Permit permit = limiter.acquire();
    clock.advance(latency);
    permit.succeeded(OptionalDouble.empty());
    permit.release();
  }

  private void rateLimited(Optional<Duration> retryAfter) throws InterruptedException {
    AdaptiveLimiter.Permit permit = limiter.acquire();
    permit.rateLimited(retryAfter);
    permit.release();
  }

  @Test
  void startsAtTheMaximum() {
    assertThat(limiter.allowed()).isEqualTo(50);
    assertThat(limiter.throttled()).isFalse();
  }

  @Test
  void aBurstOfRateLimitsInOneWindowIsOneDecrease() throws InterruptedException {
    succeed(Duration.ofMillis(1000));
    for (int i = 0; i < 29; i++) {
      rateLimited(Optional.empty());
      clock.advance(Duration.ofMillis(10));
    }

    assertThat(limiter.allowed()).isEqualTo(35);
    assertThat(limiter.throttled()).isTrue();
  }

  @Test
  void decreasesAgainOnceTheWindowOfOneLatencyHasPassed() throws InterruptedException {
    succeed(Duration.ofMillis(200));
    rateLimited(Optional.empty());
    clock.advance(Duration.ofMillis(199));
    rateLimited(Optional.empty());
    assertThat(limiter.allowed()).isEqualTo(35);

    clock.advance(Duration.ofMillis(1));
    rateLimited(Optional.empty());

    assertThat(limiter.allowed()).isEqualTo(24);
  }

  @Test
  void aLongerRetryAfterWidensTheWindow() throws InterruptedException {
    succeed(Duration.ofMillis(200));
    AdaptiveLimiter.Permit first = limiter.acquire();
    AdaptiveLimiter.Permit second = limiter.acquire();
    first.rateLimited(Optional.of(Duration.ofSeconds(2)));
    clock.advance(Duration.ofMillis(1999));
    second.rateLimited(Optional.empty());

    assertThat(limiter.allowed()).isEqualTo(35);
  }

  @Test
  void neverFallsBelowOne() throws InterruptedException {
    AdaptiveLimiter two = new AdaptiveLimiter(2, clock);
    for (int i = 0; i < 5; i++) {
      AdaptiveLimiter.Permit permit = two.acquire();
      permit.rateLimited(Optional.empty());
      permit.release();
      clock.advance(AdaptiveLimiter.FIRST_WINDOW);
    }

    assertThat(two.allowed()).isEqualTo(1);
  }

  @Test
  void growsByOnePerWindowOfSuccessesAfterTheLastSignal() throws InterruptedException {
    succeed(Duration.ofMillis(200));
    rateLimited(Optional.empty());
    succeed(Duration.ofMillis(100));
    succeed(Duration.ofMillis(99));
    assertThat(limiter.allowed()).isEqualTo(35);

    succeed(Duration.ofMillis(1));
    assertThat(limiter.allowed()).isEqualTo(36);
    succeed(Duration.ofMillis(10));
    assertThat(limiter.allowed()).isEqualTo(36);
  }

  @Test
  void neverGrowsAboveTheMaximum() throws InterruptedException {
    for (int i = 0; i < 20; i++) {
      succeed(Duration.ofSeconds(1));
    }

    assertThat(limiter.allowed()).isEqualTo(50);
  }

  @Test
  void shrinksByOneWhenLessThanATenthOfTheRateLimitIsLeft() throws InterruptedException {
    AdaptiveLimiter.Permit permit = limiter.acquire();
    permit.succeeded(OptionalDouble.of(0.09));
    permit.release();
    assertThat(limiter.allowed()).isEqualTo(49);

    permit = limiter.acquire();
    permit.succeeded(OptionalDouble.of(0.5));
    permit.release();
    assertThat(limiter.allowed()).isEqualTo(49);
  }

  @Test
  void aRetryAfterPausesEveryRequestSharingTheLimiterUntilItEnds() throws InterruptedException {
    rateLimited(Optional.of(Duration.ofSeconds(3)));
    assertThat(limiter.paused()).isEqualTo(Duration.ofSeconds(3));
    rateLimited(Optional.of(Duration.ofSeconds(1)));
    assertThat(limiter.paused()).isEqualTo(Duration.ofSeconds(3));

    clock.advance(Duration.ofSeconds(2));
    assertThat(limiter.paused()).isEqualTo(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(2));
    assertThat(limiter.paused()).isZero();
  }

  @Test
  void holdsARequestBackUntilASlotIsReleased() throws Exception {
    AdaptiveLimiter one = new AdaptiveLimiter(1, clock);
    AdaptiveLimiter.Permit held = one.acquire();
    Thread waiting = acquireInBackground(one);
    awaitState(waiting, Thread.State.WAITING);

    held.release();
    held.release();
    waiting.join();

    assertThat(waiting.isInterrupted()).isFalse();
  }

  private static Thread acquireInBackground(AdaptiveLimiter target) {
    Thread waiting =
        new Thread(
            () -> {
              try {
                target.acquire().release();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    waiting.start();
    return waiting;
  }

  private static void awaitState(Thread thread, Thread.State state) {
    while (thread.getState() != state) {
      Thread.onSpinWait();
    }
  }
}
