package dev.evals.suite;

import dev.evals.report.CaseComparison;
import dev.evals.report.CaseSummary;
import dev.evals.report.Comparison;
import dev.evals.report.Figures;
import dev.evals.report.Summary;
import dev.evals.report.Verdict;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CI gates on a finished run: execution errors (exit 3) come first, then the suite pass rate,
 * each case's pass rate and regressions against the baseline (exit 1): a suite regression (sign
 * test over the shared cases) or a case regression (Fisher per case). Execution errors never count
 * in a rate, so a case with nothing scored cannot fail the per-case gate.
 */
final class QualityGates {

  private QualityGates() {}

  static int exitCode(
      List<Summary> summaries, Double minPassRate, ReportOptions options, PrintWriter err) {
    if (summaries.stream().anyMatch(s -> s.errorAttempts() > 0)) {
      return ExitCodes.EXECUTION_ERRORS;
    }
    List<String> reasons = new ArrayList<>();
    for (Summary summary : summaries) {
      if (minPassRate != null && summary.passRate() < minPassRate) {
        reasons.add(
            summary.runModel()
                + ": pass rate "
                + Figures.percent(summary.passRate())
                + " below --min-pass-rate "
                + Figures.percent(minPassRate));
      }
      reasons.addAll(belowCaseMinimum(summary, options.minCasePassRate()));
      if (options.failOnRegression()) {
        reasons.addAll(regressions(summary));
      }
    }
    reasons.forEach(reason -> err.println("gate: " + reason));
    err.flush();
    return reasons.isEmpty() ? ExitCodes.DONE : ExitCodes.BELOW_MIN_PASS_RATE;
  }

  private static List<String> belowCaseMinimum(Summary summary, Double minimum) {
    if (minimum == null) {
      return List.of();
    }
    return summary.cases().stream()
        .filter(c -> c.scoredAttempts() > 0 && c.passRate() < minimum)
        .map(
            (CaseSummary c) ->
                String.format(
                    Locale.ROOT,
                    "%s: case %s passed %s, below --min-case-pass-rate %s",
                    summary.runModel(),
                    c.id(),
                    Figures.percent(c.passRate()),
                    Figures.percent(minimum)))
        .toList();
  }

  static List<String> regressions(Summary summary) {
    Comparison comparison = summary.comparison();
    if (comparison == null) {
      return List.of();
    }
    List<String> reasons = new ArrayList<>();
    if (comparison.suiteRegressed()) {
      reasons.add(summary.runModel() + ": suite " + comparison.suite().verdictLine());
    }
    comparison.withVerdict(Verdict.REGRESSED).stream()
        .map(
            (CaseComparison c) ->
                String.format(
                    Locale.ROOT,
                    "%s: case %s regressed from %s to %s (p = %s)",
                    summary.runModel(),
                    c.id(),
                    Figures.percent(c.baselinePassRate()),
                    Figures.percent(c.passRate()),
                    Figures.pValue(c.pValue())))
        .forEach(reasons::add);
    return reasons;
  }
}
