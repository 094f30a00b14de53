package dev.evals.backend;

import dev.evals.model.Sleeper;
import java.time.Duration;

/** Waits between polls: 250 ms, doubling up to 2 s, through the injected {@link Sleeper}. */
final class PollSchedule {

  static final Duration FIRST = Duration.ofMillis(250);
  static final Duration MAX = Duration.ofSeconds(2);

  private final Sleeper sleeper;
  private Duration next = FIRST;

  PollSchedule(Sleeper sleeper) {
    this.sleeper = sleeper;
  }

  void pause() throws InterruptedException {
    sleeper.sleep(next);
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(MAX) > 0 ? MAX : doubled;
  }
}
