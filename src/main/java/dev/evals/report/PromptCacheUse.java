package dev.evals.report;

import dev.evals.model.Price;
import dev.evals.model.TokenUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How much of the prompt the provider's cache served, and what that saved against sending every
 * prompt token uncached at the model's list price.
 *
 * @param cacheReadTokens prompt tokens read from the cache
 * @param cacheWriteTokens prompt tokens written to the cache
 * @param hitShare cache reads over all prompt tokens, 0 to 1
 * @param savedUsd the uncached price of the cached tokens minus what they cost (negative when cache
 *     writes cost more than the reads saved), or null when the model's price is unknown
 */
public record PromptCacheUse(
    long cacheReadTokens, long cacheWriteTokens, double hitShare, BigDecimal savedUsd) {

  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  /** The cache use of these tokens at this price (null when the price is unknown). */
  public static PromptCacheUse of(TokenUsage usage, Price price) {
    double share = usage.prompt() == 0 ? 0 : (double) usage.cacheRead() / usage.prompt();
    BigDecimal saved = null;
    if (price != null) {
      BigDecimal reads = BigDecimal.valueOf(usage.cacheRead());
      BigDecimal writes = BigDecimal.valueOf(usage.cacheWrite());
      saved =
          price
              .input()
              .subtract(price.cacheRead())
              .multiply(reads)
              .subtract(price.cacheWrite().subtract(price.input()).multiply(writes))
              .divide(MILLION, 6, RoundingMode.HALF_UP);
    }
    return new PromptCacheUse(usage.cacheRead(), usage.cacheWrite(), share, saved);
  }

  /** Whether the cache was used at all. */
  public boolean used() {
    return cacheReadTokens > 0 || cacheWriteTokens > 0;
  }
}
