package dev.evals.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.evals.model.TokenUsage;
import dev.evals.report.stats.Interval;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The summary JSON of a run, rebuilt from {@code index.jsonl} at any time.
 *
 * @param version format version
 * @param mode the mode run
 * @param createdAt ISO-8601 UTC time the run started
 * @param gitSha commit of the cases root (GITHUB_SHA in CI), or null
 * @param runs repeats per case
 * @param runModel the model under test
 * @param judgeModel the judge model, or null when the judge was off
 * @param judge "on" or a sentence saying why no judge ran
 * @param caseCount cases selected
 * @param plannedAttemptCount attempts planned (cases times runs)
 * @param attemptCount attempts recorded
 * @param scoredAttempts attempts that could be scored
 * @param passedAttempts attempts that passed
 * @param errorAttempts attempts that ended in an execution error
 * @param passRate passed over scored attempts
 * @param passRateWilson95 the 95% Wilson interval of the pass rate
 * @param passAtK mean over cases of pass@k at k = runs (or a case's scored attempts when fewer)
 * @param passHatK mean over cases of pass^k at the same k
 * @param passRatePerRun pass rate of the attempts numbered 1, 2, ...; null where none was scored
 * @param checkFailures per check name, the scored attempts that failed it, most failed first
 * @param averageDurationMs mean attempt duration
 * @param averagePassedDurationMs mean duration of passed attempts
 * @param averageJudgeScore mean judge score, or null
 * @param totalTokenUsage tokens of the model under test
 * @param averageTokenUsagePerAttempt mean tokens of the model under test per attempt
 * @param totalCostUsd cost of the model under test plus the judge
 * @param judgeTokenUsage tokens of the judge
 * @param judgeCostUsd cost of the judge
 * @param failedCaseIds cases with at least one failed scored attempt
 * @param erroredCaseIds cases with at least one execution error
 * @param noReferenceCaseIds cases the reference model could not answer (no expected fixture)
 * @param incompleteReferenceCaseIds cases whose expected fixture fails its own checks
 * @param judgeSkippedCaseIds cases that skip the judge ({@code skipJudge: true})
 * @param notRunAttempts planned attempts with no record ({@code caseId#n}): interrupted or stopped
 *     by the budget
 * @param runDirectory the folder with run.json, index.jsonl and the artifacts
 * @param cases per-case results
 * @param comparison this run against its baseline, or null when not compared
 * @param modelCostUsd cost of the model under test ({@code totalCostUsd} minus the judge)
 * @param casesFileDigest sha-256 of the case file when the run started, or null
 * @param toolVersion the version of this tool that ran it, or null when not recorded
 * @param toolCommit the commit this tool was built from, or null when not recorded ({@code gitSha}
 *     is the cases root's commit)
 * @param promptCache the prompt cache's share of the prompt tokens and the money it saved
 */
// Consumers read every field, so absent values are written as null rather than left out.
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Summary(
    int version,
    String mode,
    String createdAt,
    String gitSha,
    int runs,
    String runModel,
    String judgeModel,
    String judge,
    int caseCount,
    int plannedAttemptCount,
    int attemptCount,
    int scoredAttempts,
    int passedAttempts,
    int errorAttempts,
    double passRate,
    Interval passRateWilson95,
    Double passAtK,
    Double passHatK,
    List<Double> passRatePerRun,
    List<CheckFailure> checkFailures,
    long averageDurationMs,
    long averagePassedDurationMs,
    Double averageJudgeScore,
    TokenUsage totalTokenUsage,
    TokenUsage averageTokenUsagePerAttempt,
    BigDecimal totalCostUsd,
    TokenUsage judgeTokenUsage,
    BigDecimal judgeCostUsd,
    List<String> failedCaseIds,
    List<String> erroredCaseIds,
    List<String> noReferenceCaseIds,
    List<String> incompleteReferenceCaseIds,
    List<String> judgeSkippedCaseIds,
    List<String> notRunAttempts,
    String runDirectory,
    List<CaseSummary> cases,
    Comparison comparison,
    BigDecimal modelCostUsd,
    String casesFileDigest,
    String toolVersion,
    String toolCommit,
    PromptCacheUse promptCache) {

  public static final int VERSION = 1;

  public Summary {
    failedCaseIds = List.copyOf(failedCaseIds);
    erroredCaseIds = List.copyOf(erroredCaseIds);
    noReferenceCaseIds = List.copyOf(noReferenceCaseIds);
    incompleteReferenceCaseIds = List.copyOf(incompleteReferenceCaseIds);
    judgeSkippedCaseIds = List.copyOf(judgeSkippedCaseIds);
    notRunAttempts = List.copyOf(notRunAttempts);
    passRatePerRun = Collections.unmodifiableList(new ArrayList<>(passRatePerRun));
    checkFailures = List.copyOf(checkFailures);
    cases = List.copyOf(cases);
  }

  /** The same summary compared against a baseline. */
  public Summary withComparison(Comparison newComparison) {
    return new Summary(
        version,
        mode,
        createdAt,
        gitSha,
        runs,
        runModel,
        judgeModel,
        judge,
        caseCount,
        plannedAttemptCount,
        attemptCount,
        scoredAttempts,
        passedAttempts,
        errorAttempts,
        passRate,
        passRateWilson95,
        passAtK,
        passHatK,
        passRatePerRun,
        checkFailures,
        averageDurationMs,
        averagePassedDurationMs,
        averageJudgeScore,
        totalTokenUsage,
        averageTokenUsagePerAttempt,
        totalCostUsd,
        judgeTokenUsage,
        judgeCostUsd,
        failedCaseIds,
        erroredCaseIds,
        noReferenceCaseIds,
        incompleteReferenceCaseIds,
        judgeSkippedCaseIds,
        notRunAttempts,
        runDirectory,
        cases,
        newComparison,
        modelCostUsd,
        casesFileDigest,
        toolVersion,
        toolCommit,
        promptCache);
  }

  /** The model under test's share of the cost; older summaries recorded only the total. */
  public BigDecimal modelCost() {
    if (modelCostUsd != null) {
      return modelCostUsd;
    }
    return judgeCostUsd == null ? totalCostUsd : totalCostUsd.subtract(judgeCostUsd);
  }

  /** The case with this id, or null. */
  public CaseSummary caseNamed(String id) {
    return cases.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
  }

  /** Whether every planned attempt was recorded. */
  public boolean complete() {
    return notRunAttempts.isEmpty();
  }
}
