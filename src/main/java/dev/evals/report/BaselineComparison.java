package dev.evals.report;

import dev.evals.report.stats.FisherExact;
import dev.evals.report.stats.Rounding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a run with its baseline case by case. A verdict needs both a significant difference
 * (two-sided Fisher exact p below 0.05) and a large one (30 points or more away from a baseline
 * that was reliable: 70% or more for a regression, 30% or less for an improvement), so the noise of
 * a few attempts never flags a case.
 */
public final class BaselineComparison {

  static final double SIGNIFICANCE = 0.05;
  static final double MIN_CHANGE = 0.30;
  static final double RELIABLE = 0.70;
  private static final double EPSILON = 1e-9;

  private BaselineComparison() {}

  public static Comparison compare(Summary summary, Baseline baseline) {
    Map<String, Baseline.Counts> before = new LinkedHashMap<>();
    baseline.cases().forEach(c -> before.put(c.id(), c));
    List<CaseComparison> cases = new ArrayList<>();
    List<SuiteComparison.Pair> pairs = new ArrayList<>();
    for (CaseSummary now : summary.cases()) {
      Baseline.Counts then = before.remove(now.id());
      if (then != null && then.scored() > 0 && now.scoredAttempts() > 0) {
        pairs.add(
            new SuiteComparison.Pair(
                then.passed(), then.scored(), now.passedAttempts(), now.scoredAttempts()));
      }
      cases.add(
          then == null
              ? new CaseComparison(
                  now.id(),
                  null,
                  rate(now.passedAttempts(), now.scoredAttempts()),
                  null,
                  Verdict.NEW)
              : compare(then, now.passedAttempts(), now.scoredAttempts()));
    }
    before
        .values()
        .forEach(
            then ->
                cases.add(
                    new CaseComparison(
                        then.id(),
                        rate(then.passed(), then.scored()),
                        null,
                        null,
                        Verdict.REMOVED)));
    return new Comparison(
        baseline.source(),
        ComparisonStatus.OK,
        null,
        delta(summary, baseline),
        cases,
        SuiteComparison.of(pairs),
        new Comparison.BaselineMatch(
            baseline.runModel(),
            baseline.judgeModel(),
            otherModel(summary, baseline),
            baseline.casesFileDigest() == null || summary.casesFileDigest() == null
                ? null
                : !baseline.casesFileDigest().equals(summary.casesFileDigest())));
  }

  /** Whether the baseline is known to have measured another model or used another judge. */
  static boolean otherModel(Summary summary, Baseline baseline) {
    boolean otherRunModel =
        baseline.runModel() != null && !baseline.runModel().equals(summary.runModel());
    return otherRunModel || !Objects.equals(baseline.judgeModel(), summary.judgeModel());
  }

  static CaseComparison compare(Baseline.Counts then, int passed, int scored) {
    Double baselineRate = rate(then.passed(), then.scored());
    Double rate = rate(passed, scored);
    if (baselineRate == null || rate == null) {
      return new CaseComparison(then.id(), baselineRate, rate, null, Verdict.UNCHANGED);
    }
    double p =
        FisherExact.twoSided(then.passed(), then.scored() - then.passed(), passed, scored - passed);
    double before = (double) then.passed() / then.scored();
    double now = (double) passed / scored;
    return new CaseComparison(then.id(), baselineRate, rate, p, verdict(p, before, now));
  }

  static Verdict verdict(double p, double before, double now) {
    if (p >= SIGNIFICANCE) {
      return Verdict.UNCHANGED;
    }
    if (before - now >= MIN_CHANGE - EPSILON && before >= RELIABLE - EPSILON) {
      return Verdict.REGRESSED;
    }
    if (now - before >= MIN_CHANGE - EPSILON && before <= 1 - RELIABLE + EPSILON) {
      return Verdict.IMPROVED;
    }
    return Verdict.UNCHANGED;
  }

  private static Double delta(Summary summary, Baseline baseline) {
    int passed = baseline.cases().stream().mapToInt(Baseline.Counts::passed).sum();
    int scored = baseline.cases().stream().mapToInt(Baseline.Counts::scored).sum();
    if (scored == 0 || summary.scoredAttempts() == 0) {
      return null;
    }
    return Rounding.rate(
        (double) summary.passedAttempts() / summary.scoredAttempts() - (double) passed / scored);
  }

  private static Double rate(int passed, int scored) {
    return scored == 0 ? null : Rounding.rate((double) passed / scored);
  }
}
