package dev.evals.report.stats;

/**
 * Fisher's exact test on a 2x2 table, the right test for the handful of attempts per case an eval
 * affords (a chi-squared test needs far more).
 */
public final class FisherExact {

  /** Tables whose probability is within this relative margin of the observed one count as equal. */
  private static final double TIE = 1e-7;

  private FisherExact() {}

  /**
   * The two-sided p-value of the table {@code [[a, b], [c, d]]}: the summed probability, under
   * fixed margins, of every table at most as likely as the one observed.
   */
  public static double twoSided(int a, int b, int c, int d) {
    if (a < 0 || b < 0 || c < 0 || d < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    int row1 = a + b;
    int col1 = a + c;
    int total = a + b + c + d;
    if (row1 == 0 || col1 == 0 || row1 == total || col1 == total) {
      return 1.0;
    }
    double observed = logProbability(a, row1, col1, total);
    double p = 0;
    for (int x = Math.max(0, col1 + row1 - total); x <= Math.min(row1, col1); x++) {
      double log = logProbability(x, row1, col1, total);
      if (log <= observed + Math.log1p(TIE)) {
        p += Math.exp(log);
      }
    }
    return Math.min(1.0, p);
  }

  /**
   * The smallest two-sided p-value any case can reach with {@code before} attempts in one run and
   * {@code after} in the other: every attempt passing on one side and failing on the other.
   */
  public static double smallestTwoSided(int before, int after) {
    return twoSided(before, 0, 0, after);
  }

  /** The hypergeometric probability of x in the top-left cell. */
  private static double logProbability(int x, int row1, int col1, int total) {
    return logChoose(row1, x) + logChoose(total - row1, col1 - x) - logChoose(total, col1);
  }

  private static double logChoose(int n, int k) {
    return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
  }

  private static double logFactorial(int n) {
    double sum = 0;
    for (int i = 2; i <= n; i++) {
      sum += Math.log(i);
    }
    return sum;
  }
}
