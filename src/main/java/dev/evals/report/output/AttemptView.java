package dev.evals.report.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.report.Figures;
import dev.evals.run.AttemptRecord;
import dev.evals.validate.Check;
import java.util.Comparator;
import java.util.List;

/** One attempt inside a case card: checks, judge, usage, and collapsible artifacts. */
final class AttemptView {

  private AttemptView() {}

  static void render(StringBuilder html, AttemptRecord attempt, AttemptArtifacts artifacts) {
    String outcome = attempt.passed() ? "pass" : attempt.scored() ? "fail" : "error";
    html.append("<details class=\"attempt\"")
        .append(attempt.passed() ? "" : " open")
        .append("><summary><span class=\"badge ")
        .append(outcome)
        .append("\">")
        .append(outcome.toUpperCase(java.util.Locale.ROOT))
        .append("</span> attempt #")
        .append(attempt.attempt())
        .append(" <span class=\"muted\">")
        .append(Markup.escape(line(attempt)))
        .append("</span></summary>\n");
    if (attempt.error() != null && !attempt.scored()) {
      html.append("<p class=\"error\">").append(Markup.escape(attempt.error())).append("</p>\n");
    }
    checks(html, attempt.checks());
    judge(html, artifacts.judge());
    artifacts.diffs().forEach(diff -> diff(html, diff));
    for (AttemptArtifacts.ArtifactFile file : artifacts.files()) {
      collapsible(html, file.name(), file.content());
    }
    if (artifacts.transcript() != null) {
      collapsible(html, "Transcript", artifacts.transcript());
    }
    html.append("</details>\n");
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
  private static void checks(StringBuilder html, List<Check> checks) {
    if (checks.isEmpty()) {
      return;
    }
    html.append("<ul class=\"checks\">\n");
    checks.stream()
        .sorted(Comparator.comparing(Check::passed))
        .forEach(
            check ->
                html.append("<li class=\"")
                    .append(check.warning() ? "warn" : check.passed() ? "pass" : "fail")
                    .append("\">")
                    .append(check.warning() ? "⚠ " : check.passed() ? "✓ " : "✗ ")
                    .append(Markup.escape(check.name()))
                    .append(
                        (check.passed() && !check.warning()) || check.detail().isBlank()
                            ? ""
                            : ": " + Markup.escape(check.detail()))
                    .append("</li>\n"));
    html.append("</ul>\n");
  }

  private static void judge(StringBuilder html, JsonNode judge) {
    if (judge == null) {
      return;
    }
    html.append("<div class=\"judge\"><b>Judge</b> ")
        .append(Markup.escape(judge.path("model").asText()))
        .append(": ")
        .append(judge.has("score") ? "score " + judge.get("score").asInt() : "no score")
        .append(" (threshold ")
        .append(judge.path("threshold").asInt())
        .append(") <span class=\"muted\">")
        .append(Markup.escape(judge.path("summary").asText("")))
        .append("</span>\n<ul class=\"checks\">\n");
    for (JsonNode item : judge.path("checklist")) {
      boolean met = item.path("met").asBoolean();
      html.append("<li class=\"")
          .append(met ? "pass" : "fail")
          .append("\">")
          .append(met ? "✓ " : "✗ ")
          .append(Markup.escape(item.path("item").asText()))
          .append(" <span class=\"muted\">")
          .append(Markup.escape(item.path("reason").asText("")))
          .append("</span></li>\n");
    }
    html.append("</ul></div>\n");
  }

  private static void diff(StringBuilder html, ArtifactDiffs.FileDiff diff) {
    html.append("<details><summary>")
        .append(Markup.escape(diff.title()))
        .append("</summary><pre class=\"diff\">");
    for (LineDiff.Line line : diff.lines()) {
      String css = line.kind() == '+' ? "add" : line.kind() == '-' ? "del" : null;
      String text = Markup.escape(line.kind() + " " + line.text());
      html.append(css == null ? text + "\n" : "<span class=\"" + css + "\">" + text + "</span>");
    }
    html.append("</pre></details>\n");
  }

  private static void collapsible(StringBuilder html, String title, String content) {
    html.append("<details><summary>")
        .append(Markup.escape(title))
        .append("</summary><pre>")
        .append(Markup.escape(content))
        .append("</pre></details>\n");
  }
}
