package dev.evals.report.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.report.Figures;
import dev.evals.run.AttemptRecord;
import dev.evals.validate.Check;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One attempt inside a case card: its status, checks and judge verdict, and the link to its own
 * page with the conversation and the artifacts. The pieces are shared with that page.
 */
final class AttemptView {

  private AttemptView() {}

  /**
   * The attempt's row on its case card.
   *
   * @param judge the attempt's {@code judge.json}, or null
   * @param pageHref the link to the attempt's page, or null when it has none
   */
  static void render(HtmlWriter html, AttemptRecord attempt, JsonNode judge, String pageHref) {
    html.raw("<details class=\"attempt\"").raw(attempt.passed() ? "" : " open").raw("><summary>");
    title(html, attempt);
    html.raw("</summary>\n");
    error(html, attempt);
    checks(html, attempt.checks());
    judge(html, judge);
    if (pageHref != null) {
      html.raw("<p><a class=\"attempt-page\" href=\"")
          .text(pageHref)
          .raw("\">prompt, conversation, artifacts and diffs</a></p>\n");
    }
    html.raw("</details>\n");
  }

  /** The badge, the attempt number and the usage line. */
  static void title(HtmlWriter html, AttemptRecord attempt) {
    String outcome = attempt.passed() ? "pass" : attempt.scored() ? "fail" : "error";
    html.raw("<span class=\"badge ")
        .raw(outcome)
        .raw("\">")
        .raw(outcome.toUpperCase(Locale.ROOT))
        .raw("</span> attempt #")
        .value(attempt.attempt())
        .raw(" <span class=\"muted\">")
        .text(line(attempt))
        .raw("</span>");
  }

  static void error(HtmlWriter html, AttemptRecord attempt) {
    if (attempt.error() != null && !attempt.scored()) {
      html.raw("<p class=\"error\">").text(attempt.error()).raw("</p>\n");
    }
  }

  private static String line(AttemptRecord a) {
    StringBuilder text = new StringBuilder();
    if (a.judgeScore() != null) {
      text.append("judge ").append(a.judgeScore()).append(" · ");
    }
    text.append(a.tokenUsage().total())
        .append(" tokens (")
        .append(a.tokenUsage().prompt())
        .append(" in, ")
        .append(a.tokenUsage().completion())
        .append(" out) · ")
        .append(Figures.costSplit(a.costUsd(), a.judgeCostUsd()))
        .append(" · ")
        .append(Figures.duration(a.durationMs()))
        .append(" · ")
        .append(a.turns())
        .append(" turn(s), ")
        .append(a.toolCallCount())
        .append(" tool call(s)");
    return text.toString();
  }

  /** Failed checks first, with their messages. */
  static void checks(HtmlWriter html, List<Check> checks) {
    if (checks.isEmpty()) {
      return;
    }
    html.raw("<ul class=\"checks\">\n");
    for (Check check : checks.stream().sorted(Comparator.comparing(Check::passed)).toList()) {
      html.raw("<li class=\"")
          .raw(check.warning() ? "warn" : check.passed() ? "pass" : "fail")
          .raw("\">")
          .raw(check.warning() ? "⚠ " : check.passed() ? "✓ " : "✗ ")
          .text(check.name())
          .text(
              (check.passed() && !check.warning()) || check.detail().isBlank()
                  ? ""
                  : ": " + check.detail())
          .raw("</li>\n");
    }
    html.raw("</ul>\n");
  }

  /** The judge's score, summary and checklist. */
  static void judge(HtmlWriter html, JsonNode judge) {
    if (judge == null) {
      return;
    }
    html.raw("<div class=\"judge\"><b>Judge</b> ")
        .text(judge.path("model").asText())
        .raw(": ")
        .text(judge.has("score") ? "score " + judge.get("score").asInt() : "no score")
        .raw(" (threshold ")
        .value(judge.path("threshold").asInt())
        .raw(") <span class=\"muted\">")
        .text(judge.path("summary").asText(""))
        .raw("</span>\n<ul class=\"checks\">\n");
    for (JsonNode item : judge.path("checklist")) {
      boolean met = item.path("met").asBoolean();
      html.raw("<li class=\"")
          .raw(met ? "pass" : "fail")
          .raw("\">")
          .raw(met ? "✓ " : "✗ ")
          .text(item.path("item").asText())
          .raw(" <span class=\"muted\">")
          .text(item.path("reason").asText(""))
          .raw("</span></li>\n");
    }
    html.raw("</ul></div>\n");
  }

  /** A line diff of one file against the expected solution, collapsible. */
  static void diff(HtmlWriter html, ArtifactDiffs.FileDiff diff) {
    html.details("diff-view", diff.title(), false).raw("<pre class=\"diff\">");
    for (LineDiff.Line line : diff.lines()) {
      String css = line.kind() == '+' ? "add" : line.kind() == '-' ? "del" : null;
      String text = line.kind() + " " + line.text();
      if (css == null) {
        html.text(text).raw("\n");
      } else {
        html.raw("<span class=\"").raw(css).raw("\">").text(text).raw("</span>");
      }
    }
    html.raw("</pre>").end();
  }
}
