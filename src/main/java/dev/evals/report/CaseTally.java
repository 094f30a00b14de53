package dev.evals.report;

import dev.evals.model.TokenUsage;
import dev.evals.run.AttemptRecord;
import dev.evals.run.AttemptStatus;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/**
 * The running aggregates of one case's attempts, fed one record at a time so that no list of
 * records is kept: counts, sums of durations, tokens, costs and judge scores, and the statuses met.
 */
final class CaseTally {

  final String id;
  int attempts;
  int passed;
  int errors;
  int scored;
  long durationMs;
  long passedDurationMs;
  long judgeScoreSum;
  int judgeScores;
  TokenUsage tokens = TokenUsage.ZERO;
  TokenUsage judgeTokens = TokenUsage.ZERO;
  BigDecimal modelCost = BigDecimal.ZERO;
  BigDecimal judgeCost = BigDecimal.ZERO;
  BigDecimal totalCost = BigDecimal.ZERO;
  final Set<AttemptStatus> statuses = EnumSet.noneOf(AttemptStatus.class);

  CaseTally(String id) {
    this.id = id;
  }

  void add(AttemptRecord record) {
    attempts++;
    statuses.add(record.status());
    durationMs += record.durationMs();
    if (record.passed()) {
      passed++;
      passedDurationMs += record.durationMs();
    }
    if (record.executionError()) {
      errors++;
    }
    if (record.scored()) {
      scored++;
    }
    if (record.judgeScore() != null) {
      judgeScoreSum += record.judgeScore();
      judgeScores++;
    }
    tokens = tokens.plus(record.tokenUsage());
    if (record.judgeTokenUsage() != null) {
      judgeTokens = judgeTokens.plus(record.judgeTokenUsage());
    }
    modelCost = modelCost.add(record.costUsd());
    if (record.judgeCostUsd() != null) {
      judgeCost = judgeCost.add(record.judgeCostUsd());
    }
    totalCost = totalCost.add(record.totalCostUsd());
  }

  /** Adds another tally's counts and sums to this one (for the suite's totals). */
  void add(CaseTally other) {
    attempts += other.attempts;
    passed += other.passed;
    errors += other.errors;
    scored += other.scored;
    durationMs += other.durationMs;
    passedDurationMs += other.passedDurationMs;
    judgeScoreSum += other.judgeScoreSum;
    judgeScores += other.judgeScores;
    tokens = tokens.plus(other.tokens);
    judgeTokens = judgeTokens.plus(other.judgeTokens);
    modelCost = modelCost.add(other.modelCost);
    judgeCost = judgeCost.add(other.judgeCost);
    totalCost = totalCost.add(other.totalCost);
    statuses.addAll(other.statuses);
  }

  /** The mean judge score with one decimal, or null when no attempt was judged. */
  Double meanJudgeScore() {
    if (judgeScores == 0) {
      return null;
    }
    double mean = (double) judgeScoreSum / judgeScores;
    return Math.round(mean * 10) / 10.0;
  }
}
