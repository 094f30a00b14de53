package dev.evals.report.output;

import dev.evals.report.Figures;
import dev.evals.report.Summary;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The top of the HTML report: what ran, the headline numbers, and the filters. */
final class SuiteHeader {

  private SuiteHeader() {}

  static void render(HtmlWriter html, Summary s, long attemptTimeMs) {
    html.raw("<header><div><h1>")
        .text(s.mode())
        .raw(" suite · ")
        .text(s.runModel())
        .raw("</h1>\n<div class=\"muted\">judge: ")
        .text(s.judgeModel() == null ? s.judge() : s.judgeModel())
        .raw(" · ")
        .value(s.caseCount())
        .raw(" case(s) × ")
        .value(s.runs())
        .raw(" run(s) · started ")
        .text(s.createdAt())
        .raw(s.gitSha() == null ? "" : " · cases commit " + Markup.escape(s.gitSha()))
        .raw(
            s.toolVersion() == null
                ? ""
                : " · evals "
                    + Markup.escape(s.toolVersion())
                    + " (commit "
                    + Markup.escape(String.valueOf(s.toolCommit()))
                    + ")")
        .raw(
            s.complete()
                ? ""
                : " · <b>incomplete: "
                    + s.attemptCount()
                    + " of "
                    + s.plannedAttemptCount()
                    + " attempts recorded</b>")
        .raw("</div>\n<div class=\"stats\">\n");
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
    stat(html, Figures.duration(attemptTimeMs), "attempt time in total");
    if (s.averageJudgeScore() != null) {
      stat(html, String.valueOf(s.averageJudgeScore()), "average judge score");
    }
    html.raw("</div>\n<div class=\"muted\">pass rate per run: ")
        .raw(perRun(s.passRatePerRun()))
        .raw("</div>\n");
    filters(html);
    html.raw("</div></header>\n");
  }

  private static void stat(HtmlWriter html, String value, String label) {
    html.raw("<div class=\"stat\"><b>")
        .text(value)
        .raw("</b><span>")
        .text(label)
        .raw("</span></div>\n");
  }

  private static String perRun(List<Double> rates) {
    return IntStream.range(0, rates.size())
        .mapToObj(i -> "#" + (i + 1) + " " + Figures.percent(rates.get(i)))
        .collect(Collectors.joining(", "));
  }

  private static void filters(HtmlWriter html) {
    html.raw("<div class=\"filters\">")
        .raw("<label><input type=\"checkbox\" id=\"failed-only\"> failed only</label>")
        .raw("<label><input type=\"checkbox\" id=\"errors-only\"> errors only</label>")
        .raw(
            "<input type=\"search\" id=\"search\" placeholder=\"search cases, prompts, checks, verdicts\">")
        .raw("<span class=\"muted\" id=\"shown\"></span></div>\n");
  }
}
