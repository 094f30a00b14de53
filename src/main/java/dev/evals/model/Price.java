package dev.evals.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A model's list prices in US dollars per million tokens.
 *
 * @param input uncached input tokens
 * @param output output tokens, thinking included
 * @param cacheWrite input tokens written to the prompt cache; the input price when not given
 * @param cacheRead input tokens read from the prompt cache; the input price when not given
 */
public record Price(
    BigDecimal input, BigDecimal output, BigDecimal cacheWrite, BigDecimal cacheRead) {

  public static final Price FREE = new Price(BigDecimal.ZERO, BigDecimal.ZERO, null, null);

  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  public Price {
    input = Objects.requireNonNullElse(input, BigDecimal.ZERO);
    output = Objects.requireNonNullElse(output, BigDecimal.ZERO);
    cacheWrite = Objects.requireNonNullElse(cacheWrite, input);
    cacheRead = Objects.requireNonNullElse(cacheRead, input);
    for (BigDecimal rate : new BigDecimal[] {input, output, cacheWrite, cacheRead}) {
      if (rate.signum() < 0) {
        throw new IllegalArgumentException("a price cannot be negative");
      }
    }
  }

  /** What the given usage costs at these prices, in US dollars. */
  public BigDecimal cost(TokenUsage usage) {
    BigDecimal dollarsTimesMillion =
        input
            .multiply(BigDecimal.valueOf(usage.uncachedPrompt()))
            .add(cacheWrite.multiply(BigDecimal.valueOf(usage.cacheWrite())))
            .add(cacheRead.multiply(BigDecimal.valueOf(usage.cacheRead())))
            .add(output.multiply(BigDecimal.valueOf(usage.completion())));
    return dollarsTimesMillion.divide(MILLION, 6, RoundingMode.HALF_UP);
  }

  /** Whether every token is free, so no budget can apply. */
  public boolean isFree() {
    return input.signum() == 0
        && output.signum() == 0
        && cacheWrite.signum() == 0
        && cacheRead.signum() == 0;
  }
}
