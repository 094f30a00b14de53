package dev.evals.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.evals.model.TokenUsage;
import dev.evals.report.stats.Interval;
import dev.evals.report.stats.PassAtK;
import dev.evals.report.stats.Wilson;
import dev.evals.run.AttemptRecord;
import dev.evals.run.AttemptStatus;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * One case's attempts and their aggregates.
 *
 * @param id the case
 * @param attemptCount attempts recorded
 * @param passedAttempts attempts that passed
 * @param errorAttempts attempts that ended in an execution error
 * @param scoredAttempts attempts that could be scored (execution errors are not)
 * @param passRate passed over scored attempts
 * @param passRateWilson95 the 95% Wilson interval of the pass rate
 * @param passAtK pass@k for k = 1..scoredAttempts (unbiased estimator)
 * @param passHatK pass^k for k = 1..scoredAttempts (all k attempts pass)
 * @param averageDurationMs mean attempt duration
 * @param averageJudgeScore mean judge score, or null when not judged
 * @param averageTokenUsagePerAttempt mean tokens of the model under test
 * @param attempts the attempts, by attempt number
 * @param modelCostUsd cost of the model under test over the case's attempts
 * @param judgeCostUsd cost of the judge over the case's attempts
 * @param totalCostUsd the two together
 */
// Consumers read every field, so absent values are written as null rather than left out.
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CaseSummary(
    String id,
    int attemptCount,
    int passedAttempts,
    int errorAttempts,
    int scoredAttempts,
    double passRate,
    Interval passRateWilson95,
    List<Double> passAtK,
    List<Double> passHatK,
    long averageDurationMs,
    Double averageJudgeScore,
    TokenUsage averageTokenUsagePerAttempt,
    List<AttemptRecord> attempts,
    BigDecimal modelCostUsd,
    BigDecimal judgeCostUsd,
    BigDecimal totalCostUsd) {

  public CaseSummary {
    passAtK = List.copyOf(passAtK);
    passHatK = List.copyOf(passHatK);
    attempts = List.copyOf(attempts);
  }

  static CaseSummary of(String id, List<AttemptRecord> records) {
    List<AttemptRecord> attempts =
        records.stream().sorted(Comparator.comparingInt(AttemptRecord::attempt)).toList();
    int passed = (int) attempts.stream().filter(AttemptRecord::passed).count();
    int errors = (int) attempts.stream().filter(AttemptRecord::executionError).count();
    int scored = (int) attempts.stream().filter(AttemptRecord::scored).count();
    return new CaseSummary(
        id,
        attempts.size(),
        passed,
        errors,
        scored,
        Averages.rate(passed, scored),
        Wilson.interval95(passed, scored),
        PassAtK.passAtKs(scored, passed),
        PassAtK.passHatKs(scored, passed),
        Averages.meanOf(attempts, AttemptRecord::durationMs),
        Averages.meanScore(attempts.stream().map(AttemptRecord::judgeScore).toList()),
        Averages.mean(attempts.stream().map(AttemptRecord::tokenUsage).toList()),
        attempts,
        sum(attempts, AttemptRecord::costUsd),
        sum(attempts, a -> a.judgeCostUsd() == null ? BigDecimal.ZERO : a.judgeCostUsd()),
        sum(attempts, AttemptRecord::totalCostUsd));
  }

  private static BigDecimal sum(
      List<AttemptRecord> attempts, Function<AttemptRecord, BigDecimal> cost) {
    return attempts.stream().map(cost).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** pass@k at k, or at the scored attempts when fewer; null when nothing was scored. */
  public Double passAtK(int k) {
    return passAtK.isEmpty() ? null : passAtK.get(Math.min(k, passAtK.size()) - 1);
  }

  /** pass^k at k, or at the scored attempts when fewer; null when nothing was scored. */
  public Double passHatK(int k) {
    return passHatK.isEmpty() ? null : passHatK.get(Math.min(k, passHatK.size()) - 1);
  }

  /** Whether some scored attempt of the case failed. */
  public boolean hasFailures() {
    return attempts.stream().anyMatch(a -> a.scored() && !a.passed());
  }

  /** Whether some attempt of the case ended with the given status. */
  public boolean has(AttemptStatus status) {
    return attempts.stream().anyMatch(a -> a.status() == status);
  }
}
