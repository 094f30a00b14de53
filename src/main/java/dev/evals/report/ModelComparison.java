package dev.evals.report;

import java.io.PrintWriter;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/** The side-by-side table printed after a {@code --models a,b,c} run. */
public final class ModelComparison {

  private ModelComparison() {}

  /** One row per model; pass@k and pass^k are taken at k = runs. */
  public static void print(PrintWriter out, List<Summary> summaries) {
    int width = summaries.stream().mapToInt(s -> s.runModel().length()).max().orElse(5);
    String row = "%-" + width + "s  %9s  %13s  %8s  %8s  %7s  %6s  %10s  %10s  %9s%n";
    out.println();
    out.printf(
        Locale.ROOT,
        row,
        "model",
        "pass rate",
        "95% interval",
        "pass@k",
        "pass^k",
        "passed",
        "errors",
        "avg time",
        "avg tokens",
        "cost");
    for (Summary s : summaries) {
      out.printf(
          Locale.ROOT,
          row,
          s.runModel(),
          String.format(Locale.ROOT, "%.1f%%", s.passRate() * 100),
          Figures.interval(s.passRateWilson95()),
          Figures.percent(s.passAtK()),
          Figures.percent(s.passHatK()),
          s.passedAttempts() + "/" + s.scoredAttempts(),
          s.errorAttempts(),
          Durations.format(java.time.Duration.ofMillis(s.averageDurationMs())),
          s.averageTokenUsagePerAttempt().total(),
          "$" + s.totalCostUsd().setScale(4, RoundingMode.HALF_UP).toPlainString());
    }
    out.flush();
  }
}
