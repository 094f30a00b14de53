package dev.evals.report;

import dev.evals.report.stats.Interval;
import dev.evals.report.stats.Wilson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The suite-level statistics of a summary. Execution errors are left out of every rate.
 *
 * @param passRate passed over scored attempts
 * @param passRateWilson95 Wilson interval of the suite pass rate
 * @param passAtK mean over scored cases of pass@k at k = runs, or null when nothing was scored
 * @param passHatK mean over scored cases of pass^k at k = runs, or null when nothing was scored
 * @param passRatePerRun pass rate of the attempts numbered 1..runs, null where none was scored
 * @param checkFailures failed attempts per check name, most failed first
 */
public record SuiteStatistics(
    double passRate,
    Interval passRateWilson95,
    Double passAtK,
    Double passHatK,
    List<Double> passRatePerRun,
    List<CheckFailure> checkFailures) {

  public SuiteStatistics {
    // a repeat with no scored attempt has a null rate, which List.copyOf refuses
    passRatePerRun =
        passRatePerRun == null
            ? List.of()
            : Collections.unmodifiableList(new ArrayList<>(passRatePerRun));
    checkFailures = checkFailures == null ? List.of() : List.copyOf(checkFailures);
  }

  static SuiteStatistics of(List<CaseSummary> cases, RunTally tally, int runs) {
    CaseTally total = tally.total();
    return new SuiteStatistics(
        Averages.rate(total.passed, total.scored),
        Wilson.interval95(total.passed, total.scored),
        meanOver(cases, c -> c.passAtK(runs)),
        meanOver(cases, c -> c.passHatK(runs)),
        perRun(tally, runs),
        checkFailures(tally));
  }

  private static Double meanOver(List<CaseSummary> cases, Function<CaseSummary, Double> value) {
    List<Double> values = cases.stream().map(value).filter(Objects::nonNull).toList();
    if (values.isEmpty()) {
      return null;
    }
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    return Math.round(mean * 10_000.0) / 10_000.0;
  }

  private static List<Double> perRun(RunTally tally, int runs) {
    int last = Math.max(runs, tally.lastScoredRun());
    List<Double> rates = new ArrayList<>();
    for (int run = 1; run <= last; run++) {
      int scored = tally.scoredInRun(run);
      rates.add(scored == 0 ? null : Averages.rate(tally.passedInRun(run), scored));
    }
    return rates;
  }

  private static List<CheckFailure> checkFailures(RunTally tally) {
    return tally.checkFailures().entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
        .map(e -> new CheckFailure(e.getKey(), e.getValue()))
        .toList();
  }
}
