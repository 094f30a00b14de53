package dev.evals.backend;

import dev.evals.model.Sleeper;
import dev.evals.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Sleeper} that returns at once, moving a {@link MutableClock} as if it had waited. */
final class ClockSleeper implements Sleeper {

  private final MutableClock clock;
  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  ClockSleeper(MutableClock clock) {
    this.clock = clock;
  }

  @Override
  public void sleep(Duration duration) {
    waits.add(duration);
    clock.advance(duration);
  }

  List<Duration> waits() {
    return List.copyOf(waits);
  }
}
