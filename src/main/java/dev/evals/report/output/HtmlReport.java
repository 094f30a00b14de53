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
import dev.evals.run.AttemptRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code report.html}: one self-contained page (inline CSS and JS, nothing fetched) with the suite
 * header, filters, and a card per case with each attempt's checks, judge verdicts and artifacts.
 */
public final class HtmlReport {

  private static final String CSS = resource("report.css");
  private static final String JS = resource("report.js");

  private HtmlReport() {}

  /**
   * The page.
   *
   * @param runFolder where the attempt folders are, or null to leave artifacts out
   */
  public static String render(Summary summary, AttemptSource attempts, Path runFolder) {
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(Markup.escape(summary.mode() + " suite, " + summary.runModel()))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style></head><body>\n");
    SuiteHeader.render(html, summary, attempts);
    html.append("<main>\n");
    comparison(html, summary.comparison());
    checkFailures(html, summary.checkFailures());
    Comparison comparison = summary.comparison();
    for (CaseSummary c : summary.cases()) {
      CaseComparison compared = comparison == null ? null : comparison.caseNamed(c.id());
      List<AttemptRecord> ofCase = new ArrayList<>();
      attempts.forEachAttemptOf(c.id(), ofCase::add);
      CaseCard.render(html, c, ofCase, compared, runFolder);
    }
    if (comparison != null) {
      comparison.cases().stream()
          .filter(c -> summary.caseNamed(c.id()) == null)
          .forEach(c -> removed(html, c));
    }
    html.append("</main>\n<script>\n").append(JS).append("</script>\n</body></html>\n");
    return html.toString();
  }

  private static void comparison(StringBuilder html, Comparison comparison) {
    if (comparison == null) {
      return;
    }
    html.append("<section class=\"case comparison\"><h2>Against the baseline</h2><p>");
    if (comparison.status() == ComparisonStatus.NO_BASELINE) {
      html.append(Markup.escape(String.join(" ", ComparisonNotes.of(comparison))))
          .append("</p></section>\n");
      return;
    }
    if (comparison.status() == ComparisonStatus.OK) {
      html.append("Baseline <code>")
          .append(Markup.escape(comparison.baseline()))
          .append("</code>: pass rate ")
          .append(Figures.points(comparison.passRateDelta()))
          .append(". ");
      html.append(
          Arrays.stream(Verdict.values())
              .map(v -> comparison.withVerdict(v).size() + " " + v.wireName())
              .collect(Collectors.joining(", ", "", ".")));
      for (String note : ComparisonNotes.of(comparison)) {
        html.append("</p><p class=\"note\">").append(Markup.escape(note));
      }
    } else {
      html.append("Baseline <code>")
          .append(Markup.escape(comparison.baseline()))
          .append("</code> could not be read: ")
          .append(Markup.escape(comparison.detail()));
    }
    html.append("</p></section>\n");
  }

  private static void checkFailures(StringBuilder html, List<CheckFailure> failures) {
    if (failures.isEmpty()) {
      return;
    }
    html.append("<section class=\"case checks-summary\"><h2>Failed checks</h2><table>")
        .append("<tr><th>Check</th><th>Failed attempts</th></tr>\n");
    for (CheckFailure failure : failures) {
      html.append("<tr><td>")
          .append(Markup.escape(failure.check()))
          .append("</td><td>")
          .append(failure.failedAttempts())
          .append("</td></tr>\n");
    }
    html.append("</table></section>\n");
  }

  private static void removed(StringBuilder html, CaseComparison c) {
    html.append("<section class=\"case\" data-failed=\"false\" data-errors=\"false\"><h2>")
        .append(Markup.escape(c.id()))
        .append("</h2><p><span class=\"badge verdict removed\">removed</span> ")
        .append("<span class=\"muted\">in the baseline only (")
        .append(Figures.percent(c.baselinePassRate()))
        .append(")</span></p></section>\n");
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
