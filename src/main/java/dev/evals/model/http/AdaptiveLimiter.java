package dev.evals.model.http;

import java.util.OptionalDouble;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A gate on concurrent requests to one provider with one key. The allowed concurrency starts at the
 * maximum, halves on every rate limit, shrinks by one when the rate-limit headers show little
 * headroom, and grows back by one after a run of successes.
 */
public final class AdaptiveLimiter {

  static final int SUCCESSES_TO_GROW = 10;
  static final double LOW_HEADROOM = 0.10;

  private final int max;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition slotFreed = lock.newCondition();
  private int allowed;
  private int inFlight;
  private int successRun;

  public AdaptiveLimiter(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1");
    }
    this.max = max;
    this.allowed = max;
  }

  /** Blocks until fewer than the allowed number of requests are in flight. */
  public void acquire() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (inFlight >= allowed) {
        slotFreed.await();
      }
      inFlight++;
    } finally {
      lock.unlock();
    }
  }

  public void release() {
    locked(
        () -> {
          inFlight--;
          slotFreed.signalAll();
        });
  }

  /** A request succeeded; {@code headroom} is the fraction of the rate limit left, if known. */
  public void recordSuccess(OptionalDouble headroom) {
    locked(
        () -> {
          if (headroom.isPresent() && headroom.getAsDouble() < LOW_HEADROOM) {
            allowed = Math.max(1, allowed - 1);
            successRun = 0;
            return;
          }
          successRun++;
          if (successRun >= SUCCESSES_TO_GROW) {
            successRun = 0;
            allowed = Math.min(max, allowed + 1);
            slotFreed.signalAll();
          }
        });
  }

  /** The provider answered 429. */
  public void recordRateLimited() {
    locked(
        () -> {
          allowed = Math.max(1, allowed / 2);
          successRun = 0;
        });
  }

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

  private void locked(Runnable change) {
    lock.lock();
    try {
      change.run();
    } finally {
      lock.unlock();
    }
  }
}
