package dev.evals.run;

import java.util.List;

/**
 * How long an attempt took and how much the model under test did in it.
 *
 * @param durationMs wall time of the attempt
 * @param turns model turns taken
 * @param toolCallCount tool calls made
 * @param toolsUsed distinct tools called, in first-use order
 */
public record AttemptTiming(long durationMs, int turns, int toolCallCount, List<String> toolsUsed) {

  public AttemptTiming {
    toolsUsed = toolsUsed == null ? List.of() : List.copyOf(toolsUsed);
  }

  /** An attempt that never reached the model, after this long. */
  public static AttemptTiming notDriven(long durationMs) {
    return new AttemptTiming(durationMs, 0, 0, List.of());
  }
}
