package dev.evals.report.output;

import dev.evals.report.AttemptSource;
import dev.evals.report.Figures;
import dev.evals.report.Summary;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The top of the HTML report: what ran, the headline numbers, and the filters. */
final class SuiteHeader {

  private SuiteHeader() {}

  static void render(StringBuilder html, Summary s, AttemptSource attempts) {
    html.append("<header><div><h1>")
        .append(Markup.escape(s.mode()))
        .append(" suite · ")
        .append(Markup.escape(s.runModel()))
        .append("</h1>\n<div class=\"muted\">judge: ")
        .append(Markup.escape(s.judgeModel() == null ? s.judge() : s.judgeModel()))
        .append(" · ")
        .append(s.caseCount())
        .append(" case(s) × ")
        .append(s.runs())
        .append(" run(s) · started ")
        .append(Markup.escape(s.createdAt()))
        .append(s.gitSha() == null ? "" : " · cases commit " + Markup.escape(s.gitSha()))
        .append(
            s.toolVersion() == null
                ? ""
                : " · evals "
                    + Markup.escape(s.toolVersion())
                    + " (commit "
                    + Markup.escape(String.valueOf(s.toolCommit()))
                    + ")")
        .append(
            s.complete()
                ? ""
                : " · <b>incomplete: "
                    + s.attemptCount()
                    + " of "
                    + s.plannedAttemptCount()
                    + " attempts recorded</b>")
        .append("</div>\n<div class=\"stats\">\n");
    stat(
        html,
        Figures.percent(s.passRate()),
        s.passedAttempts() + "/" + s.scoredAttempts() + " passed");
    stat(html, Figures.interval(s.passRateWilson95()), "95% Wilson interval");
    stat(html, Figures.percent(s.passAtK()), "pass@" + s.runs() + " (mean over cases)");
    stat(html, Figures.percent(s.passHatK()), "pass^" + s.runs() + " (mean over cases)");
    stat(html, String.valueOf(s.errorAttempts()), "execution errors (not counted)");
    stat(html, Figures.dollars(s.totalCostUsd()), "cost in total");
    stat(html, Figures.dollars(s.modelCost()), "model under test");
    stat(html, s.judgeCostUsd() == null ? "off" : Figures.dollars(s.judgeCostUsd()), "judge");
    stat(html, Figures.duration(s.averageDurationMs()), "average attempt duration");
    stat(html, Figures.duration(totalMillis(attempts)), "attempt time in total");
    if (s.averageJudgeScore() != null) {
      stat(html, String.valueOf(s.averageJudgeScore()), "average judge score");
    }
    html.append("</div>\n<div class=\"muted\">pass rate per run: ")
        .append(perRun(s.passRatePerRun()))
        .append("</div>\n");
    filters(html);
    html.append("</div></header>\n");
  }

  private static long totalMillis(AttemptSource attempts) {
    LongAdder millis = new LongAdder();
    attempts
        .caseIds()
        .forEach(id -> attempts.forEachAttemptOf(id, a -> millis.add(a.durationMs())));
    return millis.sum();
  }

  private static void stat(StringBuilder html, String value, String label) {
    html.append("<div class=\"stat\"><b>")
        .append(Markup.escape(value))
        .append("</b><span>")
        .append(Markup.escape(label))
        .append("</span></div>\n");
  }

  private static String perRun(List<Double> rates) {
    return IntStream.range(0, rates.size())
        .mapToObj(i -> "#" + (i + 1) + " " + Figures.percent(rates.get(i)))
        .collect(Collectors.joining(", "));
  }

  private static void filters(StringBuilder html) {
    html.append("<div class=\"filters\">")
        .append("<label><input type=\"checkbox\" id=\"failed-only\"> failed only</label>")
        .append("<label><input type=\"checkbox\" id=\"errors-only\"> errors only</label>")
        .append("<input type=\"search\" id=\"search\" placeholder=\"search cases, checks, text\">")
        .append("<span class=\"muted\" id=\"shown\"></span></div>\n");
  }
}
