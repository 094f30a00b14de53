package dev.evals.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals.json.Mappers;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceTest {

  private static final Price SONNET =
      new Price(
          new BigDecimal("3"),
          new BigDecimal("15"),
          new BigDecimal("3.75"),
          new BigDecimal("0.30"));

  @Test
  void pricesCacheWritesAndReadsAtTheirOwnRates() {
    // Claude Code reported total_cost_usd 0.02313 for this usage.
    TokenUsage usage = TokenUsage.cached(5010, 1000, 1500, 260);

    assertThat(SONNET.cost(usage)).isEqualByComparingTo("0.023130");
  }

  @Test
  void cacheRatesDefaultToTheInputRate() {
    Price price = new Price(new BigDecimal("2"), new BigDecimal("8"), null, null);

    assertThat(price.cost(TokenUsage.cached(100, 200, 300, 0)))
        .isEqualByComparingTo(price.cost(TokenUsage.of(600, 0)));
  }

  @Test
  void freeMeansEveryRateIsZero() {
    assertThat(Price.FREE.isFree()).isTrue();
    assertThat(new Price(BigDecimal.ZERO, BigDecimal.ZERO, null, BigDecimal.ONE).isFree())
        .isFalse();
  }

  @Test
  void rejectsANegativeRate() {
    assertThatThrownBy(() -> new Price(BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("-1"), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsTokenUsageWrittenBeforeCacheCounts() throws Exception {
    TokenUsage usage =
        Mappers.json().readValue("{\"prompt\":10,\"completion\":5,\"total\":15}", TokenUsage.class);

    assertThat(usage).isEqualTo(TokenUsage.of(10, 5));
  }

  @Test
  void cachedCountsCannotExceedThePrompt() {
    assertThatThrownBy(() -> new TokenUsage(10, 0, 10, 6, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyShippedModelPricesCacheReadsBelowInput() {
    for (ModelSpec model : ModelRegistry.builtIn(Mappers.yaml()).all()) {
      if (model.isReference()) {
        continue;
      }
      assertThat(model.price().cacheRead()).as(model.alias()).isLessThan(model.price().input());
    }
  }
}
