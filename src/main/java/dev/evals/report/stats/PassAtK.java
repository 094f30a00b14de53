package dev.evals.report.stats;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The unbiased estimators over n scored attempts with c passes: pass@k, the chance that at least
 * one of k attempts drawn without replacement passes, and pass^k, the chance that all k pass.
 */
public final class PassAtK {

  private PassAtK() {}

  /** {@code 1 - C(n-c, k) / C(n, k)}, as a product so large n never overflows. */
  public static double passAtK(int n, int c, int k) {
    check(n, c, k);
    if (n - c < k) {
      return 1.0;
    }
    double allFail = 1.0;
    for (int i = n - c + 1; i <= n; i++) {
      allFail *= 1.0 - (double) k / i;
    }
    return 1.0 - allFail;
  }

  /** {@code C(c, k) / C(n, k)}. */
  public static double passHatK(int n, int c, int k) {
    check(n, c, k);
    if (c < k) {
      return 0.0;
    }
    double allPass = 1.0;
    for (int i = 0; i < k; i++) {
      allPass *= (double) (c - i) / (n - i);
    }
    return allPass;
  }

  /** pass@k for k = 1..n, rounded to four decimals; empty when n is 0. */
  public static List<Double> passAtKs(int n, int c) {
    return IntStream.rangeClosed(1, n).mapToObj(k -> Rounding.rate(passAtK(n, c, k))).toList();
  }

  /** pass^k for k = 1..n, rounded to four decimals; empty when n is 0. */
  public static List<Double> passHatKs(int n, int c) {
    return IntStream.rangeClosed(1, n).mapToObj(k -> Rounding.rate(passHatK(n, c, k))).toList();
  }

  private static void check(int n, int c, int k) {
    if (n < 1 || c < 0 || c > n || k < 1 || k > n) {
      throw new IllegalArgumentException(
          "need 0 <= c <= n and 1 <= k <= n, got n=" + n + " c=" + c + " k=" + k);
    }
  }
}
