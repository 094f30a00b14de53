package dev.evals.backend;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Lets one preview at a time use a shared workspace, in arrival order, saying when one has to wait.
 */
final class SharedWorkspaceLocks {

  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
  private final Consumer<String> notices;

  SharedWorkspaceLocks(Consumer<String> notices) {
    this.notices = notices;
  }

  /** Work done while holding a workspace. */
  interface Body<T> {
    T run() throws InterruptedException;
  }

  /** Runs {@code body} holding the lock of {@code key}; {@code label} names it in notices. */
  <T> T run(String key, String label, Body<T> body) throws InterruptedException {
    ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock(true));
    // tryLock(0, ...) honours fairness, unlike tryLock().
    if (!lock.tryLock(0, TimeUnit.SECONDS)) {
      notices.accept("waiting for shared workspace " + label);
      lock.lockInterruptibly();
    }
    try {
      return body.run();
    } finally {
      lock.unlock();
    }
  }
}
