package dev.evals.model.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A gate on concurrent requests to one provider with one key, run as AIMD per window. The allowed
 * concurrency starts at the maximum. A congestion signal (a 429, or rate-limit headers showing
 * little headroom) cuts it by {@link #DECREASE} at most once per window, the window being about one
 * request latency or the server's Retry-After, whichever is longer, so the 429s of one burst count
 * as one signal. A window passed with successes and no signal grows it by one. A Retry-After is
 * kept as {@link #paused()}, which every new request sharing the limiter waits out.
 */
public final class AdaptiveLimiter {

  /** The share kept on a congestion signal; CUBIC's 0.7 keeps more of the rate than halving. */
  static final double DECREASE = 0.7;

  static final double LOW_HEADROOM = 0.10;

  /** The window until the first success tells how long a request takes. */
  static final Duration FIRST_WINDOW = Duration.ofSeconds(1);

  private final int max;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private int allowed;
  private int inFlight;
  private long latencyMillis = FIRST_WINDOW.toMillis();
  private boolean latencyMeasured;
  private long noDecreaseUntil;
  private long growAt;
  private long pausedUntil;

  public AdaptiveLimiter(int max, Clock clock) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1");
    }
    this.max = max;
    this.clock = clock;
    this.allowed = max;
  }

  /** Blocks until fewer than the allowed number of requests are in flight; release the permit. */
  public Permit acquire() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (inFlight >= allowed) {
        changed.await();
      }
      inFlight++;
      return new Permit(clock.millis());
    } finally {
      lock.unlock();
    }
  }

  /** The concurrency allowed now. */
  public int allowed() {
    lock.lock();
    try {
      return allowed;
    } finally {
      lock.unlock();
    }
  }

  public int max() {
    return max;
  }

  public boolean throttled() {
    return allowed() < max;
  }

  /**
   * How long a new request should still wait because a request sharing this limiter was told to
   * retry after a while: the provider counts every request of the key, not only the refused one.
   */
  public Duration paused() {
    return pausedBeyond(0);
  }

  /**
   * Like {@link #paused()}, for a request that already waits until {@code untilMillis} on {@link
   * #millis()}, so a retry that waited out its own Retry-After does not wait for it again.
   */
  public Duration pausedBeyond(long untilMillis) {
    lock.lock();
    try {
      return Duration.ofMillis(Math.max(0, pausedUntil - Math.max(clock.millis(), untilMillis)));
    } finally {
      lock.unlock();
    }
  }

  /** The time on this limiter's clock. */
  public long millis() {
    return clock.millis();
  }

  private void succeeded(long startMillis, OptionalDouble headroom) {
    long now = clock.millis();
    long latency = Math.max(1, now - startMillis);
    latencyMillis = latencyMeasured ? (latencyMillis + 3 * latency) / 4 : latency;
    latencyMeasured = true;
    if (headroom.isPresent() && headroom.getAsDouble() < LOW_HEADROOM) {
      congested(now, Duration.ZERO, 1);
    } else if (now >= growAt) {
      allowed = Math.min(max, allowed + 1);
      growAt = now + latencyMillis;
    }
  }

  private void rateLimited(Optional<Duration> retryAfter) {
    long now = clock.millis();
    long wait = retryAfter.map(Duration::toMillis).orElse(0L);
    pausedUntil = Math.max(pausedUntil, now + wait);
    congested(now, retryAfter.orElse(Duration.ZERO), allowed - (int) (allowed * DECREASE));
  }

  private void congested(long now, Duration retryAfter, int cut) {
    long window = Math.max(latencyMillis, retryAfter.toMillis());
    growAt = Math.max(growAt, now + window);
    if (now < noDecreaseUntil) {
      return;
    }
    allowed = Math.max(1, allowed - Math.max(1, cut));
    noDecreaseUntil = now + window;
  }

  /** One request let through; tell it how the request went, then release it. */
  public final class Permit {

    private final long startMillis;
    private boolean released;

    private Permit(long startMillis) {
      this.startMillis = startMillis;
    }

    /** The request succeeded; {@code headroom} is the fraction of the rate limit left, if known. */
    public void succeeded(OptionalDouble headroom) {
      locked(() -> AdaptiveLimiter.this.succeeded(startMillis, headroom));
    }

    /** The provider answered 429, asking to wait {@code retryAfter} when it said. */
    public void rateLimited(Optional<Duration> retryAfter) {
      locked(() -> AdaptiveLimiter.this.rateLimited(retryAfter));
    }

    /** Frees the slot; a second call does nothing. */
    public void release() {
      locked(
          () -> {
            if (!released) {
              released = true;
              inFlight--;
            }
          });
    }

    private void locked(Runnable change) {
      lock.lock();
      try {
        change.run();
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }
}
