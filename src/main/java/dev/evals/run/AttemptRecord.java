package dev.evals.run;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.evals.model.TokenUsage;
import dev.evals.validate.Check;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One finished attempt: a line of {@code index.jsonl} and an entry of the summary. On disk it is
 * one flat object whose field names and order predate this nesting ({@link AttemptRecordJson}); the
 * accessors below read the flat names from the parts.
 *
 * @param key the case and repeat number
 * @param outcome how it ended, with its checks, judge score and error
 * @param usage tokens and costs of the model under test and the judge
 * @param timing duration, turns and tool calls
 * @param artifactsPath the attempt folder, relative to the run directory, or null when none was
 *     made
 */
@JsonSerialize(using = AttemptRecordJson.Writer.class)
@JsonDeserialize(using = AttemptRecordJson.Reader.class)
public record AttemptRecord(
    AttemptKey key,
    AttemptOutcome outcome,
    AttemptUsage usage,
    AttemptTiming timing,
    String artifactsPath) {

  public AttemptRecord {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(outcome, "outcome");
    usage = Objects.requireNonNullElse(usage, AttemptUsage.NONE);
    timing = Objects.requireNonNullElse(timing, AttemptTiming.notDriven(0));
  }

  /** An attempt the infrastructure failed before it could be scored: its only check says why. */
  public static AttemptRecord executionError(
      AttemptKey key, Check runFailed, long durationMs, String artifactsPath) {
    return new AttemptRecord(
        key,
        new AttemptOutcome.ExecutionError(runFailed.detail(), List.of(runFailed), null),
        AttemptUsage.NONE,
        AttemptTiming.notDriven(durationMs),
        artifactsPath);
  }

  /** The reference model's attempt at a case with no expected solution: nothing was run. */
  public static AttemptRecord noReference(AttemptKey key) {
    return new AttemptRecord(
        key,
        new AttemptOutcome.NoReference(AttemptOutcome.NoReference.NO_EXPECTED_SOLUTION),
        AttemptUsage.NONE,
        AttemptTiming.notDriven(0),
        null);
  }

  public String caseId() {
    return key.caseId();
  }

  public int attempt() {
    return key.attempt();
  }

  public AttemptStatus status() {
    return outcome.status();
  }

  /** Whether every check passed (never for an attempt that was not scored). */
  public boolean passed() {
    return outcome.passed();
  }

  public List<Check> checks() {
    return outcome.checks();
  }

  public Integer judgeScore() {
    return outcome.judgeScore();
  }

  public String error() {
    return outcome.error();
  }

  /** Whether the attempt counts in pass rates: not an error, and not a missing reference. */
  public boolean scored() {
    return outcome instanceof AttemptOutcome.Scored;
  }

  public boolean executionError() {
    return outcome instanceof AttemptOutcome.ExecutionError;
  }

  public long durationMs() {
    return timing.durationMs();
  }

  public int turns() {
    return timing.turns();
  }

  public int toolCallCount() {
    return timing.toolCallCount();
  }

  public List<String> toolsUsed() {
    return timing.toolsUsed();
  }

  /** Tokens of the model under test. */
  public TokenUsage tokenUsage() {
    return usage.model();
  }

  public long finalContextTokens() {
    return usage.finalContextTokens();
  }

  /** Cost of the model under test (also written as {@code modelCostUsd}). */
  public BigDecimal costUsd() {
    return usage.modelCostUsd();
  }

  public TokenUsage judgeTokenUsage() {
    return usage.judge();
  }

  public BigDecimal judgeCostUsd() {
    return usage.judgeCostUsd();
  }

  /** Model under test plus judge. */
  public BigDecimal totalCostUsd() {
    return usage.totalCostUsd();
  }

  public List<Check> failedChecks() {
    return checks().stream().filter(c -> !c.passed()).toList();
  }
}
