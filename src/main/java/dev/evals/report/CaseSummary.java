package dev.evals.report;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.evals.model.TokenUsage;
import dev.evals.report.stats.Interval;
import dev.evals.report.stats.PassAtK;
import dev.evals.report.stats.Wilson;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One case's aggregates; it never holds the case's attempts. In {@code summary.json} it is one flat
 * object as before this nesting, with the attempts written between {@code
 * averageTokenUsagePerAttempt} and {@code modelCostUsd} from an {@link AttemptSource} ({@link
 * SummaryJson}).
 *
 * @param id the case
 * @param counts its attempts: recorded, passed, errored, scored
 * @param rates pass rate, its interval, pass@k and pass^k
 * @param means mean duration, judge score and tokens
 * @param costs money of the model under test and the judge
 */
@JsonSerialize(using = SummaryJson.CaseWriter.class)
@JsonDeserialize(using = SummaryJson.CaseReader.class)
public record CaseSummary(String id, Counts counts, Rates rates, Means means, Costs costs) {

  public CaseSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(rates, "rates");
    Objects.requireNonNull(means, "means");
    Objects.requireNonNull(costs, "costs");
  }

  /**
   * @param attemptCount attempts recorded
   * @param passedAttempts attempts that passed
   * @param errorAttempts attempts that ended in an execution error
   * @param scoredAttempts attempts that could be scored (execution errors are not)
   */
  public record Counts(
      int attemptCount, int passedAttempts, int errorAttempts, int scoredAttempts) {}

  /**
   * @param passRate passed over scored attempts
   * @param passRateWilson95 the 95% Wilson interval of the pass rate
   * @param passAtK pass@k for k = 1..scoredAttempts (unbiased estimator)
   * @param passHatK pass^k for k = 1..scoredAttempts (all k attempts pass)
   */
  public record Rates(
      double passRate, Interval passRateWilson95, List<Double> passAtK, List<Double> passHatK) {
    public Rates {
      passAtK = passAtK == null ? List.of() : List.copyOf(passAtK);
      passHatK = passHatK == null ? List.of() : List.copyOf(passHatK);
    }
  }

  /**
   * @param averageDurationMs mean attempt duration
   * @param averageJudgeScore mean judge score, or null when not judged
   * @param averageTokenUsagePerAttempt mean tokens of the model under test
   */
  public record Means(
      long averageDurationMs, Double averageJudgeScore, TokenUsage averageTokenUsagePerAttempt) {}

  /**
   * @param modelCostUsd cost of the model under test over the case's attempts
   * @param judgeCostUsd cost of the judge over the case's attempts
   * @param totalCostUsd the two together
   */
  public record Costs(BigDecimal modelCostUsd, BigDecimal judgeCostUsd, BigDecimal totalCostUsd) {}

  static CaseSummary of(CaseTally tally) {
    return new CaseSummary(
        tally.id,
        new Counts(tally.attempts, tally.passed, tally.errors, tally.scored),
        new Rates(
            Averages.rate(tally.passed, tally.scored),
            Wilson.interval95(tally.passed, tally.scored),
            PassAtK.passAtKs(tally.scored, tally.passed),
            PassAtK.passHatKs(tally.scored, tally.passed)),
        new Means(
            Averages.mean(tally.durationMs, tally.attempts),
            tally.meanJudgeScore(),
            Averages.mean(tally.tokens, tally.attempts)),
        new Costs(tally.modelCost, tally.judgeCost, tally.totalCost));
  }

  /** pass@k at k, or at the scored attempts when fewer; null when nothing was scored. */
  public Double passAtK(int k) {
    List<Double> all = rates.passAtK();
    return all.isEmpty() ? null : all.get(Math.min(k, all.size()) - 1);
  }

  /** pass^k at k, or at the scored attempts when fewer; null when nothing was scored. */
  public Double passHatK(int k) {
    List<Double> all = rates.passHatK();
    return all.isEmpty() ? null : all.get(Math.min(k, all.size()) - 1);
  }

  /** Whether some scored attempt of the case failed (a passed attempt is always scored). */
  public boolean hasFailures() {
    return counts.scoredAttempts() > counts.passedAttempts();
  }

  // The flat names the reports read, from the parts.

  public int attemptCount() {
    return counts.attemptCount();
  }

  public int passedAttempts() {
    return counts.passedAttempts();
  }

  public int errorAttempts() {
    return counts.errorAttempts();
  }

  public int scoredAttempts() {
    return counts.scoredAttempts();
  }

  public double passRate() {
    return rates.passRate();
  }

  public Interval passRateWilson95() {
    return rates.passRateWilson95();
  }

  public List<Double> passAtK() {
    return rates.passAtK();
  }

  public List<Double> passHatK() {
    return rates.passHatK();
  }

  public long averageDurationMs() {
    return means.averageDurationMs();
  }

  public Double averageJudgeScore() {
    return means.averageJudgeScore();
  }

  public TokenUsage averageTokenUsagePerAttempt() {
    return means.averageTokenUsagePerAttempt();
  }

  public BigDecimal modelCostUsd() {
    return costs.modelCostUsd();
  }

  public BigDecimal judgeCostUsd() {
    return costs.judgeCostUsd();
  }

  public BigDecimal totalCostUsd() {
    return costs.totalCostUsd();
  }
}
