package dev.evals.report.stats;

import java.util.OptionalInt;

/**
 * The exact two-sided sign test on paired outcomes: of the pairs that differ, how many moved down
 * and how many up, against a fair coin. With one attempt per case on each side this is McNemar's
 * exact test; ties carry no information and are dropped before calling it.
 */
public final class SignTest {

  private SignTest() {}

  /** The two-sided p-value of {@code down} pairs moving one way and {@code up} the other. */
  public static double twoSided(int down, int up) {
    if (down < 0 || up < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    int n = down + up;
    if (n == 0) {
      return 1.0;
    }
    int fewer = Math.min(down, up);
    double tail = 0;
    for (int i = 0; i <= fewer; i++) {
      tail += Math.exp(logChoose(n, i) - n * Math.log(2));
    }
    return Math.min(1.0, 2 * tail);
  }

  /**
   * The fewest pairs that must all move the same way, none the other, for p below {@code alpha},
   * when at most {@code pairs} pairs are compared; empty when even all of them would not suffice.
   */
  public static OptionalInt fewestSignificant(int pairs, double alpha) {
    for (int k = 1; k <= pairs; k++) {
      if (twoSided(k, 0) < alpha) {
        return OptionalInt.of(k);
      }
    }
    return OptionalInt.empty();
  }

  private static double logChoose(int n, int k) {
    double sum = 0;
    for (int i = 1; i <= k; i++) {
      sum += Math.log(n - k + i) - Math.log(i);
    }
    return sum;
  }
}
