package dev.evals.run;

import dev.evals.model.TokenUsage;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What an attempt spent: the model under test's tokens and cost, and the judge's.
 *
 * @param model tokens of the model under test
 * @param finalContextTokens prompt tokens of the model's last request
 * @param modelCostUsd cost of the model under test
 * @param judge tokens of the judge, or null when not judged
 * @param judgeCostUsd cost of the judge, or null when not judged
 */
public record AttemptUsage(
    TokenUsage model,
    long finalContextTokens,
    BigDecimal modelCostUsd,
    TokenUsage judge,
    BigDecimal judgeCostUsd) {

  /** Nothing spent: no model call, no judge. */
  public static final AttemptUsage NONE = new AttemptUsage(null, 0, null, null, null);

  public AttemptUsage {
    model = Objects.requireNonNullElse(model, TokenUsage.ZERO);
    modelCostUsd = Objects.requireNonNullElse(modelCostUsd, BigDecimal.ZERO);
  }

  /** Model under test plus judge. */
  public BigDecimal totalCostUsd() {
    return judgeCostUsd == null ? modelCostUsd : modelCostUsd.add(judgeCostUsd);
  }
}
