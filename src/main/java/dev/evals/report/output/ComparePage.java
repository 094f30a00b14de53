package dev.evals.report.output;

import dev.evals.files.AtomicFile;
import dev.evals.report.ComparisonNotes;
import dev.evals.report.Figures;
import dev.evals.report.Summary;
import dev.evals.report.stats.Wilson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code compare.html} of {@code evals compare a b}: the two runs side by side, one row per case
 * with both pass rates and their intervals, the change (fixed, broken, ...), the Fisher verdict,
 * the judge scores and the checks that differ; filterable by change and by text, sortable by any
 * column. One self-contained file: inline CSS and script, nothing fetched.
 */
public final class ComparePage {

  public static final String FILE = "compare.html";
  private static final String CSS = resource("compare.css");
  private static final String JS = resource("compare.js");

  private ComparePage() {}

  /**
   * Writes {@code compare.html} into the folder and returns it.
   *
   * @param b run b's summary carrying its comparison with a
   */
  public static Path write(Path folder, ComparedRun a, ComparedRun b) throws IOException {
    Path page = folder.resolve(FILE);
    AtomicFile.write(page, render(a, b));
    return page;
  }

  static String render(ComparedRun before, ComparedRun after) {
    Summary a = before.summary();
    Summary b = after.summary();
    String aLabel = before.label();
    String bLabel = after.label();
    List<CaseChange> changes =
        CaseChange.between(before, after).stream()
            .sorted(Comparator.comparing(CaseChange::status))
            .toList();
    StringBuilder html = new StringBuilder(32 * 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(Markup.escape("compare " + aLabel + " → " + bLabel))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style></head><body>\n<header><div>\n<h1>")
        .append(Markup.escape(a.mode() + " runs compared"))
        .append("</h1>\n<div class=\"runs\">\n");
    run(html, "a", aLabel, a, changes, CaseChange::before);
    run(html, "b", bLabel, b, changes, CaseChange::after);
    html.append("</div>\n");
    for (String note : ComparisonNotes.of(b.comparison())) {
      html.append("<p class=\"note\">").append(Markup.escape(note)).append("</p>\n");
    }
    filters(html, changes);
    html.append("</div></header>\n<main>\n");
    table(html, changes);
    html.append("</main>\n<script>\n").append(JS).append("</script>\n</body></html>\n");
    return html.toString();
  }

  private static void run(
      StringBuilder html,
      String side,
      String label,
      Summary summary,
      List<CaseChange> changes,
      Function<CaseChange, CaseChange.Side> of) {
    List<CaseChange.Side> sides = changes.stream().map(of).filter(Objects::nonNull).toList();
    int passed = sides.stream().mapToInt(CaseChange.Side::passed).sum();
    int scored = sides.stream().mapToInt(CaseChange.Side::scored).sum();
    html.append("<div class=\"run\" id=\"run-")
        .append(side)
        .append("\"><b>")
        .append(side)
        .append("</b> ")
        .append(Markup.escape(label))
        .append(" <span class=\"muted\">")
        .append(Markup.escape(summary.runModel()))
        .append(", judge ")
        .append(Markup.escape(summary.judgeModel() == null ? "off" : summary.judgeModel()))
        .append("</span><br><span class=\"rate\">")
        .append(Figures.percent(scored == 0 ? null : (double) passed / scored))
        .append("</span> ")
        .append(passed)
        .append('/')
        .append(scored)
        .append(" passed · 95% interval ")
        .append(Figures.interval(scored == 0 ? null : Wilson.interval95(passed, scored)))
        .append(" · ")
        .append(sides.size())
        .append(" case(s)</div>\n");
  }

  private static void filters(StringBuilder html, List<CaseChange> changes) {
    html.append("<div class=\"filters\">\n");
    for (CaseChange.Status status : CaseChange.Status.values()) {
      long count = changes.stream().filter(c -> c.status() == status).count();
      html.append("<label class=\"badge ")
          .append(status.css())
          .append("\"><input type=\"checkbox\" class=\"status-filter\" value=\"")
          .append(status.css())
          .append("\" checked> ")
          .append(status.word())
          .append(" (")
          .append(count)
          .append(")</label>\n");
    }
    html.append("<input type=\"search\" id=\"search\" placeholder=\"search cases and checks\">\n")
        .append("<span id=\"shown\" class=\"muted\"></span>\n</div>\n");
  }

  private static void table(StringBuilder html, List<CaseChange> changes) {
    html.append("<table id=\"cases\"><thead><tr>");
    String[][] columns = {
      {"case", "text", "case"},
      {"status", "number", "change"},
      {"before", "number", "a pass rate"},
      {"after", "number", "b pass rate"},
      {"delta", "number", "Δ"},
      {"p", "number", "verdict (Fisher p)"},
      {"judge", "number", "judge a → b"},
      {"checks", "number", "checks that differ (failed attempts a → b)"}
    };
    for (String[] column : columns) {
      html.append("<th data-key=\"")
          .append(column[0])
          .append("\" data-type=\"")
          .append(column[1])
          .append("\" title=\"sort\">")
          .append(Markup.escape(column[2]))
          .append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    changes.forEach(change -> CompareRow.render(html, change));
    html.append("</tbody></table>\n");
  }

  static String number(Double value) {
    return value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
  }

  private static String resource(String name) {
    try (InputStream in = ComparePage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
