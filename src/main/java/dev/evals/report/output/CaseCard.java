package dev.evals.report.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.report.AttemptSource;
import dev.evals.report.CaseComparison;
import dev.evals.report.CaseSummary;
import dev.evals.report.Figures;
import dev.evals.run.AttemptRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One case of the HTML report: its rates, its verdict against the baseline, its prompt, and a row
 * per attempt, written while the attempts are handed over one by one (each attempt's own page is
 * written on the way, when the report is the run's own).
 */
final class CaseCard {

  private final HtmlWriter html;
  private final ReportPlace place;
  private final SystemPrompts prompts;
  private boolean promptShown;

  private CaseCard(HtmlWriter html, ReportPlace place, SystemPrompts prompts) {
    this.html = html;
    this.place = place;
    this.prompts = prompts;
  }

  /**
   * Writes the card.
   *
   * @param judged whether the case's attempts were judged (the cost line names the judge's part)
   */
  static void render(
      HtmlWriter html,
      CaseSummary c,
      boolean judged,
      CaseComparison comparison,
      AttemptSource attempts,
      ReportPlace place,
      SystemPrompts prompts) {
    html.raw("<section class=\"case\" id=\"case-")
        .text(c.id())
        .raw("\" data-failed=\"")
        .value(c.scoredAttempts() > c.passedAttempts())
        .raw("\" data-errors=\"")
        .value(c.errorAttempts() > 0)
        .raw("\">\n<div class=\"case-head\"><h2>")
        .text(c.id())
        .raw("</h2><div>");
    if (comparison != null) {
      verdict(html, comparison);
    }
    html.raw("</div></div>\n<p>").raw(rates(c, judged)).raw("</p>\n");
    if (c.attemptCount() == 0) {
      html.raw("<p class=\"muted\">No attempt was recorded.</p>\n");
    }
    attempts.forEachAttemptOf(c.id(), new CaseCard(html, place, prompts)::attempt);
    html.raw("</section>\n");
  }

  private void attempt(AttemptRecord attempt) {
    AttemptArtifacts artifacts = AttemptArtifacts.of(place.runFolder(), attempt);
    if (artifacts == null) {
      AttemptView.render(html, attempt, null, null);
      return;
    }
    JsonNode judge = artifacts.judge();
    JsonNode transcript = place.writesPages() || !promptShown ? artifacts.transcript() : null;
    if (place.writesPages()) {
      AttemptPage.write(attempt, artifacts, transcript, judge, prompts, place);
    }
    if (!promptShown && transcript != null) {
      prompt(Conversation.prompt(transcript));
    }
    Path page = artifacts.folder().resolve(AttemptPage.FILE);
    AttemptView.render(html, attempt, judge, Files.isRegularFile(page) ? place.href(page) : null);
  }

  /** The case's prompt, once per card, from the first attempt whose transcript has it. */
  private void prompt(String prompt) {
    if (prompt == null) {
      return;
    }
    html.details("prompt", "Prompt", false)
        .raw("<div class=\"text\">")
        .text(AttemptArtifacts.cut(prompt))
        .raw("</div>")
        .end();
    promptShown = true;
  }

  private static void verdict(HtmlWriter html, CaseComparison comparison) {
    String name = comparison.verdict().wireName();
    html.raw("<span class=\"badge verdict ")
        .raw(name)
        .raw("\">")
        .raw(name)
        .raw("</span> <span class=\"muted\">baseline ")
        .raw(Figures.percent(comparison.baselinePassRate()))
        .raw(", p = ")
        .raw(Figures.pValue(comparison.pValue()))
        .raw("</span>");
  }

  private static String rates(CaseSummary c, boolean judged) {
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
            Markup.escape(Figures.costSplit(c.modelCostUsd(), judged ? c.judgeCostUsd() : null)));
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
