package dev.evals.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.evals.model.TokenUsage;
import dev.evals.validate.Check;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One finished attempt: a line of {@code index.jsonl} and an entry of the summary.
 *
 * @param caseId the case
 * @param attempt 1-based repeat number
 * @param status whether it could be scored
 * @param passed whether every check passed (false for execution errors)
 * @param checks the named checks, in pipeline order
 * @param judgeScore the judge's score, or null when not judged
 * @param durationMs wall time of the attempt
 * @param turns model turns taken
 * @param toolCallCount tool calls made
 * @param toolsUsed distinct tools called, in first-use order
 * @param tokenUsage tokens of the model under test
 * @param finalContextTokens prompt tokens of the last request
 * @param costUsd cost of the model under test (also written as {@code modelCostUsd}, with {@code
 *     totalCostUsd} for model plus judge)
 * @param judgeTokenUsage tokens of the judge, or null
 * @param judgeCostUsd cost of the judge, or null
 * @param error what failed, for execution errors and runs that did not succeed
 * @param artifactsPath the attempt folder, relative to the run directory
 */
// Consumers read every field, so absent values are written as null rather than left out.
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AttemptRecord(
    String caseId,
    int attempt,
    AttemptStatus status,
    boolean passed,
    List<Check> checks,
    Integer judgeScore,
    long durationMs,
    int turns,
    int toolCallCount,
    List<String> toolsUsed,
    TokenUsage tokenUsage,
    long finalContextTokens,
    BigDecimal costUsd,
    TokenUsage judgeTokenUsage,
    BigDecimal judgeCostUsd,
    String error,
    String artifactsPath) {

  public AttemptRecord {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(status, "status");
    checks = checks == null ? List.of() : List.copyOf(checks);
    toolsUsed = toolsUsed == null ? List.of() : List.copyOf(toolsUsed);
    tokenUsage = Objects.requireNonNullElse(tokenUsage, TokenUsage.ZERO);
    costUsd = Objects.requireNonNullElse(costUsd, BigDecimal.ZERO);
    if (status != AttemptStatus.OK && passed) {
      throw new IllegalArgumentException(
          "only a scored attempt can pass, not " + status.wireName());
    }
  }

  /** Whether the attempt counts in pass rates: not an error, and not a missing reference. */
  public boolean scored() {
    return status == AttemptStatus.OK;
  }

  public boolean executionError() {
    return status == AttemptStatus.EXECUTION_ERROR;
  }

  /** The cost of the model under test, as {@code modelCostUsd} beside the judge's. */
  @JsonProperty(value = "modelCostUsd", access = JsonProperty.Access.READ_ONLY)
  public BigDecimal modelCostUsd() {
    return costUsd;
  }

  /** Model under test plus judge. */
  @JsonProperty(value = "totalCostUsd", access = JsonProperty.Access.READ_ONLY)
  public BigDecimal totalCostUsd() {
    return judgeCostUsd == null ? costUsd : costUsd.add(judgeCostUsd);
  }

  public List<Check> failedChecks() {
    return checks.stream().filter(c -> !c.passed()).toList();
  }

  /** Identifies the attempt within a run. */
  public String key() {
    return caseId + "#" + attempt;
  }
}
