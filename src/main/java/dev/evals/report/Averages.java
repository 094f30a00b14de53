package dev.evals.report;

import dev.evals.model.TokenUsage;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;

/** Rates and means as the summary and history report them. */
final class Averages {

  private Averages() {}

  /** A share in 0..1 with four decimals; 0 when there is nothing to divide by. */
  static double rate(long part, long whole) {
    return whole == 0 ? 0.0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
  }

  /** A sum over a count, rounded to a whole number; 0 for no items. */
  static long mean(long sum, long count) {
    return count == 0 ? 0 : Math.round(sum / (double) count);
  }

  static <T> long meanOf(Collection<T> items, ToLongFunction<T> value) {
    return items.isEmpty()
        ? 0
        : Math.round(items.stream().mapToLong(value).sum() / (double) items.size());
  }

  /** The mean of the non-null scores, with one decimal, or null when there is none. */
  static Double meanScore(List<Integer> scores) {
    List<Integer> present = scores.stream().filter(Objects::nonNull).toList();
    if (present.isEmpty()) {
      return null;
    }
    double mean = present.stream().mapToInt(Integer::intValue).average().orElse(0);
    return Math.round(mean * 10) / 10.0;
  }

  static TokenUsage sum(Collection<TokenUsage> usages) {
    return usages.stream().reduce(TokenUsage.ZERO, TokenUsage::plus);
  }

  /** Each count's mean, rounded; cached counts are capped so they never exceed the prompt. */
  static TokenUsage mean(Collection<TokenUsage> usages) {
    return mean(sum(usages), usages.size());
  }

  /**
   * The mean of {@code count} usages that add up to {@code total}, as {@link #mean(Collection)}.
   */
  static TokenUsage mean(TokenUsage total, long count) {
    if (count == 0) {
      return TokenUsage.ZERO;
    }
    double n = count;
    long prompt = Math.round(total.prompt() / n);
    long cacheWrite = Math.min(prompt, Math.round(total.cacheWrite() / n));
    long cacheRead = Math.min(prompt - cacheWrite, Math.round(total.cacheRead() / n));
    return new TokenUsage(
        prompt,
        Math.round(total.completion() / n),
        Math.round(total.total() / n),
        cacheWrite,
        cacheRead);
  }
}
