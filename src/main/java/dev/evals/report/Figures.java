package dev.evals.report;

import dev.evals.report.stats.Interval;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;

/** Numbers as every report shows them, so the HTML, Markdown and terminal agree. */
public final class Figures {

  private Figures() {}

  public static String percent(Double rate) {
    return rate == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
  }

  public static String interval(Interval interval) {
    return interval == null
        ? "n/a"
        : String.format(Locale.ROOT, "%.1f–%.1f%%", interval.low() * 100, interval.high() * 100);
  }

  public static String points(Double delta) {
    return delta == null ? "n/a" : String.format(Locale.ROOT, "%+.1f pts", delta * 100);
  }

  public static String pValue(Double p) {
    if (p == null) {
      return "–";
    }
    return p < 0.0001 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
  }

  public static String dollars(BigDecimal amount) {
    return amount == null ? "n/a" : "$" + amount.setScale(4, RoundingMode.HALF_UP).toPlainString();
  }

  /** The total with its two parts: {@code $0.0110 (model $0.0100 + judge $0.0010)}. */
  public static String costSplit(BigDecimal model, BigDecimal judge) {
    BigDecimal modelCost = model == null ? BigDecimal.ZERO : model;
    BigDecimal judgeCost = judge == null ? BigDecimal.ZERO : judge;
    return dollars(modelCost.add(judgeCost))
        + " (model "
        + dollars(modelCost)
        + " + judge "
        + (judge == null ? "off" : dollars(judgeCost))
        + ")";
  }

  public static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  public static String duration(long millis) {
    if (millis < 1000) {
      return millis + "ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
    long s = Duration.ofMillis(millis).toSeconds();
    return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
  }
}
