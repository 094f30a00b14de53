package dev.evals.suite;

import java.nio.file.Path;

/**
 * What {@code evals run} compares against and which statistics gate the exit code.
 *
 * @param baseline a summary JSON, run folder or history file; null for the latest history line of
 *     the same mode and judge
 * @param failOnRegression exit 1 when some case regressed against the baseline
 * @param minCasePassRate exit 1 when some case's pass rate is below this, or null
 */
public record ReportOptions(Path baseline, boolean failOnRegression, Double minCasePassRate) {

  public static final ReportOptions DEFAULTS = new ReportOptions(null, false, null);

  public ReportOptions {
    if (minCasePassRate != null && (minCasePassRate < 0 || minCasePassRate > 1)) {
      throw UsageException.about(Setting.MIN_CASE_PASS_RATE, " must be between 0 and 1");
    }
  }
}
