package dev.evals.report;

import java.util.Objects;

/**
 * Of a {@link Summary}: what its attempts came to.
 *
 * @param counts cases and attempts, planned, recorded, scored, passed, errored
 * @param statistics pass rate, its interval, pass@k, pass^k, per-repeat rates, failed checks
 * @param means mean durations and judge score
 */
public record SummaryResults(SummaryCounts counts, SuiteStatistics statistics, SummaryMeans means) {

  public SummaryResults {
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(statistics, "statistics");
    Objects.requireNonNull(means, "means");
  }
}
