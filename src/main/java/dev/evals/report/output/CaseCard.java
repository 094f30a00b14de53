package dev.evals.report.output;

import dev.evals.report.CaseComparison;
import dev.evals.report.CaseSummary;
import dev.evals.report.Figures;
import dev.evals.run.AttemptRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** One case of the HTML report: its rates, its verdict against the baseline, its attempts. */
final class CaseCard {

  private CaseCard() {}

  static void render(
      StringBuilder html,
      CaseSummary c,
      List<AttemptRecord> attempts,
      CaseComparison comparison,
      Path runFolder) {
    html.append("<section class=\"case\" id=\"case-")
        .append(Markup.escape(c.id()))
        .append("\" data-failed=\"")
        .append(c.hasFailures())
        .append("\" data-errors=\"")
        .append(c.errorAttempts() > 0)
        .append("\">\n<div class=\"case-head\"><h2>")
        .append(Markup.escape(c.id()))
        .append("</h2><div>");
    if (comparison != null) {
      verdict(html, comparison);
    }
    html.append("</div></div>\n<p>").append(rates(c, attempts)).append("</p>\n");
    if (attempts.isEmpty()) {
      html.append("<p class=\"muted\">No attempt was recorded.</p>\n");
    }
    for (AttemptRecord attempt : attempts) {
      AttemptView.render(html, attempt, AttemptArtifacts.read(runFolder, attempt));
    }
    html.append("</section>\n");
  }

  private static void verdict(StringBuilder html, CaseComparison comparison) {
    String name = comparison.verdict().wireName();
    html.append("<span class=\"badge verdict ")
        .append(name)
        .append("\">")
        .append(name)
        .append("</span> <span class=\"muted\">baseline ")
        .append(Figures.percent(comparison.baselinePassRate()))
        .append(", p = ")
        .append(Figures.pValue(comparison.pValue()))
        .append("</span>");
  }

  private static String rates(CaseSummary c, List<AttemptRecord> attempts) {
    StringBuilder text = new StringBuilder();
    text.append("<b>")
        .append(Figures.percent(c.scoredAttempts() == 0 ? null : c.passRate()))
        .append("</b> (")
        .append(c.passedAttempts())
        .append('/')
        .append(c.scoredAttempts())
        .append(" passed, 95% ")
        .append(Figures.interval(c.passRateWilson95()))
        .append(")");
    if (c.errorAttempts() > 0) {
      text.append(" <span class=\"error\">")
          .append(c.errorAttempts())
          .append(" execution error(s) not counted</span>");
    }
    text.append(" · cost ")
        .append(
            Markup.escape(
                Figures.costSplit(
                    c.modelCostUsd(),
                    attempts.stream().anyMatch(a -> a.judgeCostUsd() != null)
                        ? c.judgeCostUsd()
                        : null)));
    if (!c.passAtK().isEmpty()) {
      text.append("<br><span class=\"muted\">")
          .append(series("pass@", c.passAtK()))
          .append(" · ")
          .append(series("pass^", c.passHatK()))
          .append("</span>");
    }
    return text.toString();
  }

  private static String series(String name, List<Double> values) {
    return IntStream.range(0, values.size())
        .mapToObj(i -> name + (i + 1) + " " + Figures.percent(values.get(i)))
        .collect(Collectors.joining(", "));
  }
}
