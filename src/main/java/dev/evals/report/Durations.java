package dev.evals.report;

import java.time.Duration;

/** Durations as people read them: {@code 850ms}, {@code 3.2s}, {@code 4m05s}. */
final class Durations {

  private Durations() {}

  static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + "ms";
    }
    if (millis < 60_000) {
      return String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
    }
    long seconds = millis / 1000;
    return String.format(java.util.Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
  }
}
