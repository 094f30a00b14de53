package dev.evals.report.output;

import dev.evals.report.Figures;
import java.util.Locale;

/**
 * One row of {@code compare.html}: a case of both runs. Each cell carries the value it sorts by in
 * its row's {@code data-*} attributes, so the page's script sorts numbers as numbers.
 */
final class CompareRow {

  private CompareRow() {}

  static void render(StringBuilder html, CaseChange change) {
    CaseChange.Side a = change.before();
    CaseChange.Side b = change.after();
    Double before = a == null ? null : a.passRate();
    Double after = b == null ? null : b.passRate();
    Double delta = before == null || after == null ? null : after - before;
    html.append("<tr class=\"case ")
        .append(change.status().css())
        .append("\" data-case=\"")
        .append(Markup.escape(change.id()))
        .append("\" data-status=\"")
        .append(change.status().ordinal())
        .append("\" data-change=\"")
        .append(change.status().css())
        .append("\" data-before=\"")
        .append(ComparePage.number(before))
        .append("\" data-after=\"")
        .append(ComparePage.number(after))
        .append("\" data-delta=\"")
        .append(ComparePage.number(delta))
        .append("\" data-p=\"")
        .append(ComparePage.number(change.pValue()))
        .append("\" data-judge=\"")
        .append(ComparePage.number(judgeDelta(a, b)))
        .append("\" data-checks=\"")
        .append(change.checks().size())
        .append("\">");
    cell(html, "case", "<code>" + Markup.escape(change.id()) + "</code>");
    cell(
        html,
        "change",
        "<span class=\"badge "
            + change.status().css()
            + "\">"
            + change.status().word()
            + "</span>");
    cell(html, "rate", side(a));
    cell(html, "rate", side(b));
    cell(html, "delta", delta == null ? "–" : Figures.points(delta));
    cell(
        html,
        "verdict",
        "<span class=\"verdict "
            + change.verdict().wireName()
            + "\">"
            + change.verdict().wireName()
            + "</span> "
            + (change.pValue() == null ? "" : "p = " + Figures.pValue(change.pValue())));
    cell(html, "judge", judge(a) + " → " + judge(b));
    cell(html, "checks", checks(change));
    html.append("</tr>\n");
  }

  private static String side(CaseChange.Side side) {
    if (side == null) {
      return "<span class=\"muted\">not run</span>";
    }
    return Figures.percent(side.passRate())
        + " <span class=\"muted\">"
        + side.passed()
        + "/"
        + side.scored()
        + (side.attempts() > side.scored()
            ? " (+" + (side.attempts() - side.scored()) + " error)"
            : "")
        + "<br>"
        + Figures.interval(side.interval())
        + "</span>";
  }

  private static String judge(CaseChange.Side side) {
    return side == null || side.judgeScore() == null
        ? "–"
        : String.format(Locale.ROOT, "%.0f", side.judgeScore());
  }

  private static Double judgeDelta(CaseChange.Side a, CaseChange.Side b) {
    if (a == null || b == null || a.judgeScore() == null || b.judgeScore() == null) {
      return null;
    }
    return b.judgeScore() - a.judgeScore();
  }

  private static String checks(CaseChange change) {
    if (change.checks().isEmpty()) {
      return "<span class=\"muted\">none</span>";
    }
    StringBuilder list = new StringBuilder("<ul class=\"checks\">");
    for (CaseChange.CheckChange check : change.checks()) {
      boolean worse =
          (long) check.failedAfter() * change.before().attempts()
              > (long) check.failedBefore() * change.after().attempts();
      list.append("<li class=\"")
          .append(worse ? "fail" : "pass")
          .append("\">")
          .append(worse ? "✗ " : "✓ ")
          .append(Markup.escape(check.name()))
          .append(": ")
          .append(check.failedBefore())
          .append('/')
          .append(change.before().attempts())
          .append(" → ")
          .append(check.failedAfter())
          .append('/')
          .append(change.after().attempts());
      if (check.detail() != null) {
        list.append(" <span class=\"muted\">")
            .append(Markup.escape(check.detail()))
            .append("</span>");
      }
      list.append("</li>");
    }
    return list.append("</ul>").toString();
  }

  private static void cell(StringBuilder html, String css, String content) {
    html.append("<td class=\"").append(css).append("\">").append(content).append("</td>");
  }
}
