package dev.evals.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.model.Price;
import dev.evals.model.TokenUsage;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PromptCacheUseTest {

  private static final Price SONNET =
      new Price(
          new BigDecimal("2"),
          new BigDecimal("10"),
          new BigDecimal("2.50"),
          new BigDecimal("0.20"));

  @Test
  void sharesAndSavingsFollowTheCacheRates() {
    // 1000 uncached, 1000 written, 8000 read of 10000 prompt tokens.
    PromptCacheUse use = PromptCacheUse.of(new TokenUsage(10_000, 500, 10_500, 1000, 8000), SONNET);

    assertThat(use.hitShare()).isEqualTo(0.8);
    // reads save (2 - 0.20) x 8000, writes cost (2.50 - 2) x 1000 extra, per million.
    assertThat(use.savedUsd()).isEqualByComparingTo("0.0139");
    assertThat(use.used()).isTrue();
  }

  @Test
  void reportsNoSavingsWithoutAPriceAndNoUseWithoutCachedTokens() {
    PromptCacheUse use = PromptCacheUse.of(TokenUsage.of(100, 10), null);

    assertThat(use.used()).isFalse();
    assertThat(use.hitShare()).isZero();
    assertThat(use.savedUsd()).isNull();
  }

  @Test
  void chargesAnOpenAiStyleCacheNothingToWrite() {
    Price gpt =
        new Price(new BigDecimal("1.25"), new BigDecimal("10"), null, new BigDecimal("0.125"));

    PromptCacheUse use = PromptCacheUse.of(new TokenUsage(2000, 10, 2010, 0, 1000), gpt);

    assertThat(use.savedUsd()).isEqualByComparingTo("0.001125");
  }
}
