package dev.evals.cli;

import dev.evals.suite.ReportOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The CI gates and the baseline of {@code run}. */
final class GateOptions {

  @Option(
      names = "--min-pass-rate",
      paramLabel = "<0..1>",
      description = "Exit 1 when the pass rate is below this (CI gate).")
  Double minPassRate;

  @Option(
      names = "--min-case-pass-rate",
      paramLabel = "<0..1>",
      description = "Exit 1 when some case's pass rate is below this (CI gate).")
  Double minCasePassRate;

  @Option(
      names = "--baseline",
      paramLabel = "<summary.json|run dir|history file>",
      description =
          "Compare with this run (default: the last history/<mode>.jsonl line of the same judge).")
  Path baseline;

  @Option(
      names = "--fail-on-regression",
      description = "Exit 1 when some case regressed against the baseline (Fisher p < 0.05).")
  boolean failOnRegression;

  ReportOptions reportOptions(CliContext context) {
    return new ReportOptions(
        baseline == null ? null : context.workDir().resolve(baseline),
        failOnRegression,
        minCasePassRate);
  }
}
