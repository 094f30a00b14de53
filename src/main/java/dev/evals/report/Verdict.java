package dev.evals.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a case fared against the baseline. */
public enum Verdict {
  /** Significantly worse: Fisher p below 0.05, down 30 points or more from a baseline of 70%+. */
  REGRESSED,
  /**
   * Significantly better: the mirror image, up 30 points or more from a baseline of 30% or less.
   */
  IMPROVED,
  /** No significant, large change (or nothing scored on one side). */
  UNCHANGED,
  /** Not in the baseline. */
  NEW,
  /** In the baseline only. */
  REMOVED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
