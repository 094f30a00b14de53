package dev.evals.report.stats;

/** Rates as the summary writes them: four decimals, enough for a percentage with two. */
public final class Rounding {

  private Rounding() {}

  public static double rate(double value) {
    return Math.round(value * 10_000.0) / 10_000.0;
  }
}
