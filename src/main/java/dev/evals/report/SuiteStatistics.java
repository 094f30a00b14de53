package dev.evals.report;

import dev.evals.report.stats.Interval;
import dev.evals.report.stats.Wilson;
import dev.evals.run.AttemptRecord;
import dev.evals.validate.Check;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The suite-level statistics of a summary. Execution errors are left out of every rate.
 *
 * @param passRateWilson95 Wilson interval of the suite pass rate
 * @param passAtK mean over scored cases of pass@k at k = runs, or null when nothing was scored
 * @param passHatK mean over scored cases of pass^k at k = runs, or null when nothing was scored
 * @param passRatePerRun pass rate of the attempts numbered 1..runs, null where none was scored
 * @param checkFailures failed attempts per check name, most failed first
 */
record SuiteStatistics(
    Interval passRateWilson95,
    Double passAtK,
    Double passHatK,
    List<Double> passRatePerRun,
    List<CheckFailure> checkFailures) {

  static SuiteStatistics of(List<CaseSummary> cases, List<AttemptRecord> records, int runs) {
    List<AttemptRecord> scored = records.stream().filter(AttemptRecord::scored).toList();
    int passed = (int) scored.stream().filter(AttemptRecord::passed).count();
    return new SuiteStatistics(
        Wilson.interval95(passed, scored.size()),
        meanOver(cases, c -> c.passAtK(runs)),
        meanOver(cases, c -> c.passHatK(runs)),
        perRun(scored, runs),
        checkFailures(scored));
  }

  private static Double meanOver(List<CaseSummary> cases, Function<CaseSummary, Double> value) {
    List<Double> values = cases.stream().map(value).filter(Objects::nonNull).toList();
    if (values.isEmpty()) {
      return null;
    }
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    return Math.round(mean * 10_000.0) / 10_000.0;
  }

  private static List<Double> perRun(List<AttemptRecord> scored, int runs) {
    int last = Math.max(runs, scored.stream().mapToInt(AttemptRecord::attempt).max().orElse(0));
    List<Double> rates = new ArrayList<>();
    for (int run = 1; run <= last; run++) {
      int number = run;
      List<AttemptRecord> ofRun = scored.stream().filter(r -> r.attempt() == number).toList();
      long passed = ofRun.stream().filter(AttemptRecord::passed).count();
      rates.add(ofRun.isEmpty() ? null : Averages.rate(passed, ofRun.size()));
    }
    return rates;
  }

  private static List<CheckFailure> checkFailures(List<AttemptRecord> scored) {
    Map<String, Long> counts =
        scored.stream()
            .flatMap(r -> r.failedChecks().stream().map(Check::name).distinct())
            .collect(
                Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .map(e -> new CheckFailure(e.getKey(), e.getValue().intValue()))
        .toList();
  }
}
