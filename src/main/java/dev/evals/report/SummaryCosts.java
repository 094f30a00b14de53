package dev.evals.report;

import dev.evals.model.TokenUsage;
import java.math.BigDecimal;

/**
 * Of a {@link Summary}: tokens and money.
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
public record SummaryCosts(
    TokenUsage totalTokenUsage,
    TokenUsage averageTokenUsagePerAttempt,
    BigDecimal totalCostUsd,
    BigDecimal modelCostUsd,
    TokenUsage judgeTokenUsage,
    BigDecimal judgeCostUsd,
    PromptCacheUse promptCache) {}
