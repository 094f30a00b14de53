package dev.evals.report.history;

import dev.evals.report.stats.Interval;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code history.html}: the pass rate over time per model with its 95% band, and a case by run grid
 * that marks where a case flipped against the same model's previous run. One self-contained file:
 * inline SVG and CSS, no script, nothing fetched.
 */
public final class HistoryPage {

  private static final String[] COLOURS = {
    "#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#4b5563"
  };
  private static final int WIDTH = 760;
  private static final int HEIGHT = 260;
  private static final int LEFT = 48;
  private static final int RIGHT = 16;
  private static final int TOP = 16;
  private static final int BOTTOM = 32;

  private HistoryPage() {}

  public static String render(String mode, List<RunPoint> runs) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>")
        .append(escape(mode))
        .append(" history</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n<h1>")
        .append(escape(mode))
        .append(" history: ")
        .append(runs.size())
        .append(" run(s)</h1>\n");
    if (runs.isEmpty()) {
      html.append("<p>No recorded run yet.</p>");
    } else {
      html.append("<h2>Pass rate per model, with its 95% interval</h2>\n");
      chart(html, runs);
      html.append("<h2>Cases by run</h2>\n<p class=\"note\">Green: every attempt passed; amber:")
          .append(" some; red: none; a ring marks a flip against the same model's previous")
          .append(" run.</p>\n");
      grid(html, runs);
    }
    return html.append("</body></html>\n").toString();
  }

  private static void chart(StringBuilder svg, List<RunPoint> runs) {
    svg.append("<svg id=\"pass-rate\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(HEIGHT)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" role=\"img\">");
    for (int percent = 0; percent <= 100; percent += 25) {
      double y = y(percent / 100.0);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>"
                  + "<text class=\"axis\" x=\"%d\" y=\"%.1f\">%d%%</text>",
              LEFT,
              WIDTH - RIGHT,
              y,
              y,
              LEFT - 6,
              y + 4,
              percent));
    }
    int colour = 0;
    for (Map.Entry<String, List<RunPoint>> model : HistoryTable.byModel(runs).entrySet()) {
      series(svg, model.getKey(), model.getValue(), runs, COLOURS[colour++ % COLOURS.length]);
    }
    svg.append("</svg>\n");
  }

  private static void series(
      StringBuilder svg, String model, List<RunPoint> points, List<RunPoint> all, String colour) {
    List<String> upper = new ArrayList<>();
    List<String> lower = new ArrayList<>();
    List<String> line = new ArrayList<>();
    for (RunPoint point : points) {
      double x = x(all.indexOf(point), all.size());
      Interval interval = point.interval();
      upper.add(coordinate(x, y(interval.high())));
      lower.add(0, coordinate(x, y(interval.low())));
      line.add(coordinate(x, y(point.passRate())));
    }
    List<String> band = new ArrayList<>(upper);
    band.addAll(lower);
    svg.append("<g class=\"series\" data-model=\"")
        .append(escape(model))
        .append("\"><polygon class=\"band\" fill=\"")
        .append(colour)
        .append("\" points=\"")
        .append(String.join(" ", band))
        .append("\"/><polyline class=\"rate\" stroke=\"")
        .append(colour)
        .append("\" points=\"")
        .append(String.join(" ", line))
        .append("\"/>");
    for (int i = 0; i < points.size(); i++) {
      RunPoint point = points.get(i);
      Interval interval = point.interval();
      svg.append("<circle class=\"point\" fill=\"")
          .append(colour)
          .append("\" r=\"4\" cx=\"")
          .append(line.get(i).replace(",", "\" cy=\""))
          .append("\"><title>")
          .append(escape(model + " " + HistoryTable.date(point.createdAt())))
          .append(": ")
          .append(point.passed())
          .append('/')
          .append(point.scored())
          .append(", ")
          .append(HistoryTable.percent(point.passRate()))
          .append(" (95% ")
          .append(HistoryTable.percent(interval.low()))
          .append("–")
          .append(HistoryTable.percent(interval.high()))
          .append(")</title></circle>");
    }
    svg.append("<text class=\"legend\" fill=\"")
        .append(colour)
        .append("\" x=\"")
        .append(line.get(line.size() - 1).split(",")[0])
        .append("\" y=\"")
        .append(HEIGHT - 8)
        .append("\">")
        .append(escape(model))
        .append("</text></g>");
  }

  private static void grid(StringBuilder html, List<RunPoint> runs) {
    html.append("<table id=\"cases\"><thead><tr><th>case</th>");
    for (RunPoint run : runs) {
      html.append("<th title=\"")
          .append(escape(run.createdAt() + " " + (run.commit() == null ? "" : run.commit())))
          .append("\">")
          .append(escape(HistoryTable.date(run.createdAt()).substring(5)))
          .append("<br>")
          .append(escape(run.model()))
          .append("</th>");
    }
    html.append("<th>flips</th></tr></thead><tbody>\n");
    for (String id : caseIds(runs)) {
      CaseRow row = CaseRow.of(id, runs);
      html.append("<tr data-case=\"").append(escape(id)).append("\"><th>");
      html.append(escape(id)).append("</th>");
      for (int i = 0; i < runs.size(); i++) {
        RunPoint.CaseResult result = runs.get(i).caseResult(id);
        html.append("<td class=\"").append(row.cellClass(i)).append("\"");
        if (result != null) {
          html.append(" title=\"")
              .append(result.passed())
              .append('/')
              .append(result.scored())
              .append("\">")
              .append(result.passed())
              .append('/')
              .append(result.scored());
        } else {
          html.append(">");
        }
        html.append("</td>");
      }
      html.append("<td class=\"flips\">").append(row.flips()).append("</td></tr>\n");
    }
    html.append("</tbody></table>\n");
  }

  static Set<String> caseIds(List<RunPoint> runs) {
    Set<String> ids = new LinkedHashSet<>();
    runs.forEach(run -> run.cases().forEach(c -> ids.add(c.id())));
    return ids;
  }

  private static double x(int index, int count) {
    int span = WIDTH - LEFT - RIGHT - 40;
    return count == 1 ? LEFT + 20 + span / 2.0 : LEFT + 20 + span * index / (double) (count - 1);
  }

  private static double y(double rate) {
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - rate);
  }

  private static String coordinate(double x, double y) {
    return String.format(Locale.ROOT, "%.1f,%.1f", x, y);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  private static final String STYLE =
      "body{font:14px system-ui,sans-serif;margin:24px;color:#111}"
          + "h1{font-size:20px}h2{font-size:16px;margin-top:28px}.note{color:#555}"
          + ".grid{stroke:#e5e7eb}.axis{font-size:11px;text-anchor:end;fill:#555}"
          + ".band{opacity:.15}.rate{fill:none;stroke-width:2}.legend{font-size:12px;text-anchor:end}"
          + "table{border-collapse:collapse;font-size:12px}th,td{border:1px solid #e5e7eb;"
          + "padding:2px 6px;text-align:center}tbody th{text-align:left;font-weight:normal}"
          + ".pass{background:#bbf7d0}.partial{background:#fde68a}.fail{background:#fecaca}"
          + ".missing{background:#f3f4f6}.flip{outline:2px solid #111;outline-offset:-3px}";
}
