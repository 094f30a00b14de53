package dev.evals.model.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class AdaptiveLimiterTest {

  private final AdaptiveLimiter limiter = new AdaptiveLimiter(5);

  private void succeed(int times) {
    for (int i = 0; i < times; i++) {
      limiter.recordSuccess(OptionalDouble.empty());
    }
  }

  @Test
  void startsAtTheMaximum() {
    assertThat(limiter.allowed()).isEqualTo(5);
    assertThat(limiter.throttled()).isFalse();
  }

  @Test
  void halvesOnEveryRateLimitButNeverBelowOne() {
    limiter.recordRateLimited();
    assertThat(limiter.allowed()).isEqualTo(2);
    limiter.recordRateLimited();
    assertThat(limiter.allowed()).isEqualTo(1);
    limiter.recordRateLimited();
    assertThat(limiter.allowed()).isEqualTo(1);
    assertThat(limiter.throttled()).isTrue();
  }

  @Test
  void growsByOneAfterTenSuccessesInARow() {
    limiter.recordRateLimited();

    succeed(9);
    assertThat(limiter.allowed()).isEqualTo(2);
    succeed(1);
    assertThat(limiter.allowed()).isEqualTo(3);
  }

  @Test
  void aRateLimitRestartsTheRunOfSuccesses() {
    limiter.recordRateLimited();
    succeed(9);
    limiter.recordRateLimited();
    succeed(9);

    assertThat(limiter.allowed()).isEqualTo(1);
  }

  @Test
  void neverGrowsAboveTheMaximum() {
    succeed(50);

    assertThat(limiter.allowed()).isEqualTo(5);
  }

  @Test
  void shrinksEarlyWhenLessThanATenthOfTheRateLimitIsLeft() {
    limiter.recordSuccess(OptionalDouble.of(0.09));
    assertThat(limiter.allowed()).isEqualTo(4);
    limiter.recordSuccess(OptionalDouble.of(0.5));
    assertThat(limiter.allowed()).isEqualTo(4);
  }

  @Test
  void holdsARequestBackUntilASlotIsReleased() throws Exception {
    AdaptiveLimiter one = new AdaptiveLimiter(1);
    one.acquire();
    Thread waiting =
        new Thread(
            () -> {
              try {
                one.acquire();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    waiting.start();
    while (waiting.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }

    one.release();
    waiting.join();

    assertThat(waiting.isInterrupted()).isFalse();
  }
}
