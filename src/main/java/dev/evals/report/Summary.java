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
 * @param counts cases and attempts, planned, recorded, scored, passed, errored
 * @param statistics pass rate, its interval, pass@k, pass^k, per-repeat rates, failed checks
 * @param means mean durations and judge score
 * @param costs tokens and money of the model under test and the judge
 * @param caseLists the cases (and attempts) that need a look
 * @param cases per-case aggregates, in report order
 * @param comparison this run against its baseline, or null when not compared
 */
@JsonSerialize(using = SummaryJson.Writer.class)
@JsonDeserialize(using = SummaryJson.Reader.class)
public record Summary(
    Header header,
    Provenance provenance,
    Counts counts,
    SuiteStatistics statistics,
    Means means,
    Costs costs,
    CaseLists caseLists,
    List<CaseSummary> cases,
    Comparison comparison) {

  public static final int VERSION = 1;

  public Summary {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(statistics, "statistics");
    Objects.requireNonNull(means, "means");
    Objects.requireNonNull(costs, "costs");
    Objects.requireNonNull(caseLists, "caseLists");
    cases = List.copyOf(cases);
  }

  /**
   * What ran.
   *
   * @param version format version
   * @param mode the mode run
   * @param createdAt ISO-8601 UTC time the run started
   * @param runs repeats per case
   * @param runModel the model under test
   * @param judgeModel the judge model, or null when the judge was off
   * @param judge "on" or a sentence saying why no judge ran
   * @param runDirectory the folder with run.json, index.jsonl and the artifacts
   */
  public record Header(
      int version,
      String mode,
      String createdAt,
      int runs,
      String runModel,
      String judgeModel,
      String judge,
      String runDirectory) {}

  /**
   * Which suite and which tool.
   *
   * @param gitSha commit of the cases root (GITHUB_SHA in CI), or null
   * @param casesFileDigest sha-256 of the case file when the run started, or null
   * @param toolVersion the version of this tool that ran it, or null when not recorded
   * @param toolCommit the commit this tool was built from, or null when not recorded
   */
  public record Provenance(
      String gitSha, String casesFileDigest, String toolVersion, String toolCommit) {}

  /**
   * How many.
   *
   * @param caseCount cases selected
   * @param plannedAttemptCount attempts planned (cases times runs)
   * @param attemptCount attempts recorded
   * @param scoredAttempts attempts that could be scored
   * @param passedAttempts attempts that passed
   * @param errorAttempts attempts that ended in an execution error
   */
  public record Counts(
      int caseCount,
      int plannedAttemptCount,
      int attemptCount,
      int scoredAttempts,
      int passedAttempts,
      int errorAttempts) {}

  /**
   * Means over the attempts.
   *
   * @param averageDurationMs mean attempt duration
   * @param averagePassedDurationMs mean duration of passed attempts
   * @param averageJudgeScore mean judge score, or null
   */
  public record Means(
      long averageDurationMs, long averagePassedDurationMs, Double averageJudgeScore) {}

  /**
   * Tokens and money.
   *
   * @param totalTokenUsage tokens of the model under test
   * @param averageTokenUsagePerAttempt mean tokens of the model under test per attempt
   * @param totalCostUsd cost of the model under test plus the judge
   * @param modelCostUsd cost of the model under test, or null in summaries from before it was
   *     recorded
   * @param judgeTokenUsage tokens of the judge, or null when the judge was off
   * @param judgeCostUsd cost of the judge, or null when the judge was off
   * @param promptCache the prompt cache's share of the prompt tokens and the money it saved
   */
  public record Costs(
      TokenUsage totalTokenUsage,
      TokenUsage averageTokenUsagePerAttempt,
      BigDecimal totalCostUsd,
      BigDecimal modelCostUsd,
      TokenUsage judgeTokenUsage,
      BigDecimal judgeCostUsd,
      PromptCacheUse promptCache) {}

  /**
   * The cases that need a look.
   *
   * @param failedCaseIds cases with at least one failed scored attempt
   * @param erroredCaseIds cases with at least one execution error
   * @param noReferenceCaseIds cases the reference model could not answer (no expected fixture)
   * @param incompleteReferenceCaseIds cases whose expected fixture fails its own checks
   * @param judgeSkippedCaseIds cases that skip the judge ({@code skipJudge: true})
   * @param notRunAttempts planned attempts with no record ({@code caseId#n}): interrupted or
   *     stopped by the budget
   */
  public record CaseLists(
      List<String> failedCaseIds,
      List<String> erroredCaseIds,
      List<String> noReferenceCaseIds,
      List<String> incompleteReferenceCaseIds,
      List<String> judgeSkippedCaseIds,
      List<String> notRunAttempts) {
    public CaseLists {
      failedCaseIds = copy(failedCaseIds);
      erroredCaseIds = copy(erroredCaseIds);
      noReferenceCaseIds = copy(noReferenceCaseIds);
      incompleteReferenceCaseIds = copy(incompleteReferenceCaseIds);
      judgeSkippedCaseIds = copy(judgeSkippedCaseIds);
      notRunAttempts = copy(notRunAttempts);
    }

    private static List<String> copy(List<String> ids) {
      return ids == null ? List.of() : List.copyOf(ids);
    }
  }

  /** The same summary compared against a baseline. */
  public Summary withComparison(Comparison newComparison) {
    return new Summary(
        header, provenance, counts, statistics, means, costs, caseLists, cases, newComparison);
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
    return counts.caseCount();
  }

  public int plannedAttemptCount() {
    return counts.plannedAttemptCount();
  }

  public int attemptCount() {
    return counts.attemptCount();
  }

  public int scoredAttempts() {
    return counts.scoredAttempts();
  }

  public int passedAttempts() {
    return counts.passedAttempts();
  }

  public int errorAttempts() {
    return counts.errorAttempts();
  }

  public double passRate() {
    return statistics.passRate();
  }

  public Interval passRateWilson95() {
    return statistics.passRateWilson95();
  }

  public Double passAtK() {
    return statistics.passAtK();
  }

  public Double passHatK() {
    return statistics.passHatK();
  }

  public List<Double> passRatePerRun() {
    return statistics.passRatePerRun();
  }

  public List<CheckFailure> checkFailures() {
    return statistics.checkFailures();
  }

  public long averageDurationMs() {
    return means.averageDurationMs();
  }

  public long averagePassedDurationMs() {
    return means.averagePassedDurationMs();
  }

  public Double averageJudgeScore() {
    return means.averageJudgeScore();
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
