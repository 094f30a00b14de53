package dev.evals.backend;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A point in time on the injected clock after which waiting stops. */
record Deadline(Clock clock, Instant end) {

  static Deadline after(Clock clock, Duration timeout) {
    return new Deadline(clock, clock.instant().plus(timeout));
  }

  boolean passed() {
    return !clock.instant().isBefore(end);
  }
}
