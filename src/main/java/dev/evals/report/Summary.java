package dev.evals.report;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.evals.model.TokenUsage;
import dev.evals.report.stats.Interval;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The summary of a run, rebuilt from {@code index.jsonl} at any time. On disk ({@code
 * summary.json}) it is one flat object whose field names and order predate this nesting ({@link
 * SummaryJson}); the accessors below read the flat names from the parts.
 *
 * @param header what ran: mode, models, repeats, where
 * @param provenance which suite and which tool: commits, digest, version
 * @param results the counts, the statistics and the means of the attempts
 * @param costs tokens and money of the model under test and the judge
 * @param caseLists the cases (and attempts) that need a look
 * @param cases per-case aggregates, in report order
 * @param comparison this run against its baseline, or null when not compared
 */
@JsonSerialize(using = SummaryJson.Writer.class)
@JsonDeserialize(using = SummaryJson.Reader.class)
public record Summary(
    SummaryHeader header,
    SummaryProvenance provenance,
    SummaryResults results,
    SummaryCosts costs,
    SummaryCaseLists caseLists,
    List<CaseSummary> cases,
    Comparison comparison) {

  public static final int VERSION = 1;

  public Summary {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(results, "results");
    Objects.requireNonNull(costs, "costs");
    Objects.requireNonNull(caseLists, "caseLists");
    cases = List.copyOf(cases);
  }

  /** The same summary compared against a baseline. */
  public Summary withComparison(Comparison newComparison) {
    return new Summary(header, provenance, results, costs, caseLists, cases, newComparison);
  }

  /** Cases and attempts, planned, recorded, scored, passed, errored. */
  public SummaryCounts counts() {
    return results.counts();
  }

  /** Pass rate, its interval, pass@k, pass^k, per-repeat rates, failed checks. */
  public SuiteStatistics statistics() {
    return results.statistics();
  }

  /** Mean durations and judge score. */
  public SummaryMeans means() {
    return results.means();
  }

  /** The model under test's share of the cost; older summaries recorded only the total. */
  public BigDecimal modelCost() {
    if (costs.modelCostUsd() != null) {
      return costs.modelCostUsd();
    }
    BigDecimal judge = costs.judgeCostUsd();
    return judge == null ? costs.totalCostUsd() : costs.totalCostUsd().subtract(judge);
  }

  /** The case with this id, or null. */
  public CaseSummary caseNamed(String id) {
    return cases.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
  }

  /** Whether every planned attempt was recorded. */
  public boolean complete() {
    return caseLists.notRunAttempts().isEmpty();
  }

  // The flat names every report reads, from the parts.

  public int version() {
    return header.version();
  }

  public String mode() {
    return header.mode();
  }

  public String createdAt() {
    return header.createdAt();
  }

  public int runs() {
    return header.runs();
  }

  public String runModel() {
    return header.runModel();
  }

  public String judgeModel() {
    return header.judgeModel();
  }

  public String judge() {
    return header.judge();
  }

  public String runDirectory() {
    return header.runDirectory();
  }

  public String gitSha() {
    return provenance.gitSha();
  }

  public String casesFileDigest() {
    return provenance.casesFileDigest();
  }

  public String toolVersion() {
    return provenance.toolVersion();
  }

  public String toolCommit() {
    return provenance.toolCommit();
  }

  public int caseCount() {
    return counts().caseCount();
  }

  public int plannedAttemptCount() {
    return counts().plannedAttemptCount();
  }

  public int attemptCount() {
    return counts().attemptCount();
  }

  public int scoredAttempts() {
    return counts().scoredAttempts();
  }

  public int passedAttempts() {
    return counts().passedAttempts();
  }

  public int errorAttempts() {
    return counts().errorAttempts();
  }

  public double passRate() {
    return statistics().passRate();
  }

  public Interval passRateWilson95() {
    return statistics().passRateWilson95();
  }

  public Double passAtK() {
    return statistics().passAtK();
  }

  public Double passHatK() {
    return statistics().passHatK();
  }

  public List<Double> passRatePerRun() {
    return statistics().passRatePerRun();
  }

  public List<CheckFailure> checkFailures() {
    return statistics().checkFailures();
  }

  public long averageDurationMs() {
    return means().averageDurationMs();
  }

  public long averagePassedDurationMs() {
    return means().averagePassedDurationMs();
  }

  public Double averageJudgeScore() {
    return means().averageJudgeScore();
  }

  public TokenUsage totalTokenUsage() {
    return costs.totalTokenUsage();
  }

  public TokenUsage averageTokenUsagePerAttempt() {
    return costs.averageTokenUsagePerAttempt();
  }

  public BigDecimal totalCostUsd() {
    return costs.totalCostUsd();
  }

  public BigDecimal modelCostUsd() {
    return costs.modelCostUsd();
  }

  public TokenUsage judgeTokenUsage() {
    return costs.judgeTokenUsage();
  }

  public BigDecimal judgeCostUsd() {
    return costs.judgeCostUsd();
  }

  public PromptCacheUse promptCache() {
    return costs.promptCache();
  }

  public List<String> failedCaseIds() {
    return caseLists.failedCaseIds();
  }

  public List<String> erroredCaseIds() {
    return caseLists.erroredCaseIds();
  }

  public List<String> noReferenceCaseIds() {
    return caseLists.noReferenceCaseIds();
  }

  public List<String> incompleteReferenceCaseIds() {
    return caseLists.incompleteReferenceCaseIds();
  }

  public List<String> judgeSkippedCaseIds() {
    return caseLists.judgeSkippedCaseIds();
  }

  public List<String> notRunAttempts() {
    return caseLists.notRunAttempts();
  }
}
