package dev.evals.report.output;

import dev.evals.report.AttemptSource;
import dev.evals.report.CaseComparison;
import dev.evals.report.CaseSummary;
import dev.evals.report.CheckFailure;
import dev.evals.report.Comparison;
import dev.evals.report.ComparisonNotes;
import dev.evals.report.ComparisonStatus;
import dev.evals.report.Figures;
import dev.evals.report.Summary;
import dev.evals.report.Verdict;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * {@code report.html}: one self-contained page (inline CSS and JS, nothing fetched) with the suite
 * header, filters, and a card per case with each attempt's status, checks and judge verdict. It is
 * written to a {@link Writer} case by case as the attempts are handed over, never held whole, and
 * each attempt's conversation and artifacts go to a page of their own that the card links to.
 */
public final class HtmlReport {

  private HtmlReport() {}

  /**
   * Writes the page, and the attempt and system prompt pages when the report is the run's own.
   *
   * @param place the run folder (null to leave artifacts out) and where the report goes
   */
  static void write(Summary summary, AttemptSource attempts, ReportPlace place, Writer out) {
    HtmlWriter html = new HtmlWriter(out);
    Pages.head(html, summary.mode() + " suite, " + summary.runModel());
    SuiteHeader.render(html, summary, attemptTime(attempts));
    html.raw("<main>\n");
    comparison(html, summary.comparison());
    checkFailures(html, summary.checkFailures());
    Comparison comparison = summary.comparison();
    SystemPrompts prompts = new SystemPrompts(place);
    for (CaseSummary c : summary.cases()) {
      CaseComparison compared = comparison == null ? null : comparison.caseNamed(c.id());
      boolean judged =
          summary.judgeCostUsd() != null && !summary.judgeSkippedCaseIds().contains(c.id());
      CaseCard.render(html, c, judged, compared, attempts, place, prompts);
    }
    if (comparison != null) {
      comparison.cases().stream()
          .filter(c -> summary.caseNamed(c.id()) == null)
          .forEach(c -> removed(html, c));
    }
    systemPrompts(html, prompts.pages(), place);
    html.raw("</main>\n<script>\n").raw(Pages.JS).raw("</script>\n</body></html>\n");
  }

  /** The sum of the attempts' durations: one light pass over the records before the page. */
  private static long attemptTime(AttemptSource attempts) {
    AtomicLong total = new AtomicLong();
    for (String id : attempts.caseIds()) {
      attempts.forEachAttemptOf(id, a -> total.addAndGet(a.durationMs()));
    }
    return total.get();
  }

  private static void systemPrompts(HtmlWriter html, Map<Path, Integer> pages, ReportPlace place) {
    if (pages.isEmpty() || !place.writesPages()) {
      return;
    }
    html.raw("<section class=\"system-prompts\"><h2>System prompt</h2><ul>\n");
    int n = 0;
    for (Map.Entry<Path, Integer> page : pages.entrySet()) {
      html.raw("<li><a href=\"")
          .text(place.href(page.getKey()))
          .raw("\">")
          .text(pages.size() == 1 ? "the system prompt" : "system prompt " + ++n)
          .raw("</a> <span class=\"muted\">sent in ")
          .value(page.getValue())
          .raw(" attempt(s)</span></li>\n");
    }
    html.raw("</ul></section>\n");
  }

  private static void comparison(HtmlWriter html, Comparison comparison) {
    if (comparison == null) {
      return;
    }
    html.raw("<section class=\"case comparison\"><h2>Against the baseline</h2><p>");
    if (comparison.status() == ComparisonStatus.NO_BASELINE) {
      html.text(String.join(" ", ComparisonNotes.of(comparison))).raw("</p></section>\n");
      return;
    }
    if (comparison.status() == ComparisonStatus.OK) {
      html.raw("Baseline <code>")
          .text(comparison.baseline())
          .raw("</code>: pass rate ")
          .raw(Figures.points(comparison.passRateDelta()))
          .raw(". ")
          .raw(
              Arrays.stream(Verdict.values())
                  .map(v -> comparison.withVerdict(v).size() + " " + v.wireName())
                  .collect(Collectors.joining(", ", "", ".")));
      for (String note : ComparisonNotes.of(comparison)) {
        html.raw("</p><p class=\"note\">").text(note);
      }
    } else {
      html.raw("Baseline <code>")
          .text(comparison.baseline())
          .raw("</code> could not be read: ")
          .text(comparison.detail());
    }
    html.raw("</p></section>\n");
  }

  private static void checkFailures(HtmlWriter html, List<CheckFailure> failures) {
    if (failures.isEmpty()) {
      return;
    }
    html.raw("<section class=\"case checks-summary\"><h2>Failed checks</h2><table>")
        .raw("<tr><th>Check</th><th>Failed attempts</th></tr>\n");
    for (CheckFailure failure : failures) {
      html.raw("<tr><td>")
          .text(failure.check())
          .raw("</td><td>")
          .value(failure.failedAttempts())
          .raw("</td></tr>\n");
    }
    html.raw("</table></section>\n");
  }

  private static void removed(HtmlWriter html, CaseComparison c) {
    html.raw("<section class=\"case\" data-failed=\"false\" data-errors=\"false\"><h2>")
        .text(c.id())
        .raw("</h2><p><span class=\"badge verdict removed\">removed</span> ")
        .raw("<span class=\"muted\">in the baseline only (")
        .raw(Figures.percent(c.baselinePassRate()))
        .raw(")</span></p></section>\n");
  }
}
