package dev.evals.report.history;

import dev.evals.report.stats.Interval;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The terminal view of a mode's history: one row per recorded run (date, commit, model, pass rate
 * with its 95% interval, cost), then one sparkline per model, oldest run on the left.
 */
public final class HistoryTable {

  private static final String BARS = "▁▂▃▄▅▆▇█";
  private static final String[] HEADER = {
    "date", "commit", "model", "passed", "pass rate", "95% interval", "cost"
  };

  private HistoryTable() {}

  public static void print(PrintWriter out, List<RunPoint> runs) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    runs.forEach(run -> rows.add(row(run)));
    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == 0 ? "" : "  ").append(pad(row[i], widths[i]));
      }
      out.println(line.toString().stripTrailing());
    }
    out.println();
    Map<String, List<RunPoint>> byModel = byModel(runs);
    int width = byModel.keySet().stream().mapToInt(String::length).max().orElse(0);
    byModel.forEach((model, points) -> out.println(pad(model, width) + "  " + trend(points)));
  }

  static String[] row(RunPoint run) {
    Interval interval = run.interval();
    return new String[] {
      date(run.createdAt()),
      run.commit() == null ? "-" : run.commit().substring(0, Math.min(8, run.commit().length())),
      run.model(),
      run.passed() + "/" + run.scored() + (run.errors() > 0 ? " (" + run.errors() + " err)" : ""),
      percent(run.passRate()),
      percent(interval.low()) + "–" + percent(interval.high()),
      cost(run.costUsd())
    };
  }

  /** {@code ▅▆▇█ 4 runs, 83.3% -> 100.0%}. */
  static String trend(List<RunPoint> points) {
    RunPoint first = points.get(0);
    RunPoint last = points.get(points.size() - 1);
    String change =
        points.size() == 1
            ? percent(last.passRate())
            : percent(first.passRate()) + " -> " + percent(last.passRate());
    return sparkline(points) + "  " + points.size() + " run(s), " + change;
  }

  /** One bar per run, its height the pass rate. */
  static String sparkline(List<RunPoint> points) {
    StringBuilder line = new StringBuilder();
    for (RunPoint point : points) {
      int level = (int) Math.round(point.passRate() * (BARS.length() - 1));
      line.append(BARS.charAt(level));
    }
    return line.toString();
  }

  static Map<String, List<RunPoint>> byModel(List<RunPoint> runs) {
    Map<String, List<RunPoint>> byModel = new LinkedHashMap<>();
    runs.forEach(run -> byModel.computeIfAbsent(run.model(), m -> new ArrayList<>()).add(run));
    return byModel;
  }

  /** {@code 2026-11-24T23:02:32.118Z} as {@code 2026-11-24 23:02}. */
  static String date(String createdAt) {
    String text = createdAt.replace('T', ' ');
    return text.length() >= 16 ? text.substring(0, 16) : text;
  }

  static String percent(double rate) {
    return String.format(Locale.ROOT, "%.1f%%", rate * 100);
  }

  static String cost(BigDecimal cost) {
    return cost == null ? "-" : "$" + cost.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}
