package dev.evals.report.stats;

/**
 * The Wilson score interval of a pass rate: unlike the normal approximation it stays inside 0..1
 * and is honest at 0/n and n/n, which is where small eval suites live.
 */
public final class Wilson {

  /** The 97.5% quantile of the standard normal distribution. */
  private static final double Z95 = 1.959963984540054;

  private Wilson() {}

  /** The 95% interval of {@code passes / n}, rounded to four decimals; [0, 1] when n is 0. */
  public static Interval interval95(int passes, int n) {
    if (passes < 0 || passes > n) {
      throw new IllegalArgumentException("passes " + passes + " not in 0.." + n);
    }
    if (n == 0) {
      return new Interval(0.0, 1.0);
    }
    double p = (double) passes / n;
    double z2 = Z95 * Z95;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = Z95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    return new Interval(
        Rounding.rate(Math.max(0.0, centre - half)), Rounding.rate(Math.min(1.0, centre + half)));
  }
}
