package dev.evals.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.evals.model.TokenUsage;
import java.math.BigDecimal;
import java.util.List;

/**
 * One line of {@code history/<mode>.jsonl}: a full-suite run, condensed for tracking pass rates
 * commit by commit. {@code totalCostUsd} is the model under test plus the judge; {@code
 * modelCostUsd} and {@code judgeCostUsd} are its two parts.
 */
// Consumers read every field, so absent values are written as null rather than left out.
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HistoryLine(
    String createdAt,
    String gitSha,
    String mode,
    int runs,
    String runModel,
    String judgeModel,
    int caseCount,
    int attemptCount,
    int passedAttempts,
    int errorAttempts,
    double passRate,
    long averageDurationMs,
    long averagePassedDurationMs,
    Double averageJudgeScore,
    TokenUsage averageTokenUsagePerAttempt,
    BigDecimal totalCostUsd,
    List<String> failedCaseIds,
    List<CaseLine> cases,
    BigDecimal modelCostUsd,
    BigDecimal judgeCostUsd,
    String casesFileDigest,
    String toolVersion,
    String toolCommit) {

  /** One case of a history line; its costs are model under test, judge, and their sum. */
  public record CaseLine(
      String id,
      int attemptCount,
      int passedAttempts,
      int scoredAttempts,
      double passRate,
      long averageDurationMs,
      Double averageJudgeScore,
      TokenUsage averageTokenUsagePerAttempt,
      BigDecimal modelCostUsd,
      BigDecimal judgeCostUsd,
      BigDecimal totalCostUsd) {}

  public static HistoryLine of(Summary summary) {
    return new HistoryLine(
        summary.createdAt(),
        summary.gitSha(),
        summary.mode(),
        summary.runs(),
        summary.runModel(),
        summary.judgeModel(),
        summary.caseCount(),
        summary.attemptCount(),
        summary.passedAttempts(),
        summary.errorAttempts(),
        summary.passRate(),
        summary.averageDurationMs(),
        summary.averagePassedDurationMs(),
        summary.averageJudgeScore(),
        summary.averageTokenUsagePerAttempt(),
        summary.totalCostUsd(),
        summary.failedCaseIds(),
        summary.cases().stream()
            .map(
                c ->
                    new CaseLine(
                        c.id(),
                        c.attemptCount(),
                        c.passedAttempts(),
                        c.scoredAttempts(),
                        c.passRate(),
                        c.averageDurationMs(),
                        c.averageJudgeScore(),
                        c.averageTokenUsagePerAttempt(),
                        c.modelCostUsd(),
                        c.judgeCostUsd(),
                        c.totalCostUsd()))
            .toList(),
        summary.modelCostUsd(),
        summary.judgeCostUsd(),
        summary.casesFileDigest(),
        summary.toolVersion(),
        summary.toolCommit());
  }
}
