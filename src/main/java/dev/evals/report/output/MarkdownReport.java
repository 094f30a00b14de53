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
import dev.evals.validate.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code pr-comment.md}: the headline numbers, the cases to look at, and the comparison. */
public final class MarkdownReport {

  private static final int MAX_DETAIL = 140;

  /** GitHub refuses comments longer than this many characters. */
  public static final int GITHUB_COMMENT_LIMIT = 65_536;

  /** Room kept for the line that says rows were cut, and the sections after the table. */
  private static final int RESERVE = 2_000;

  private MarkdownReport() {}

  public static String render(Summary summary, AttemptSource attempts) {
    return render(summary, attempts, GITHUB_COMMENT_LIMIT);
  }

  /** The comment, its case rows cut (with a line saying so) to stay under {@code limit}. */
  static String render(Summary summary, AttemptSource attempts, int limit) {
    StringBuilder md = new StringBuilder();
    boolean good = summary.failedCaseIds().isEmpty() && summary.errorAttempts() == 0;
    boolean regressed = summary.comparison() != null && summary.comparison().regressed();
    md.append("## ")
        .append(good && !regressed ? "✅" : "❌")
        .append(" evals: ")
        .append(summary.mode())
        .append(" suite, ")
        .append(cell(summary.runModel()))
        .append("\n\n");
    headline(md, summary);
    comparison(md, summary.comparison());
    cases(md, summary, attempts, limit - RESERVE);
    List<CheckFailure> top = top(summary, 5);
    if (!top.isEmpty()) {
      md.append("\nMost failed checks: ")
          .append(
              top.stream()
                  .map(
                      f ->
                          "`"
                              + cell(f.check()).replace("`", "'")
                              + "` ("
                              + f.failedAttempts()
                              + ")")
                  .collect(Collectors.joining(", ")))
          .append('\n');
    }
    return md.toString();
  }

  private static void headline(StringBuilder md, Summary s) {
    int k = s.runs();
    md.append("| Pass rate | 95% interval | pass@").append(k).append(" | pass^").append(k);
    md.append(" | Execution errors | Cost | Avg duration |\n|---|---|---|---|---|---|---|\n");
    md.append("| **")
        .append(Figures.percent(s.passRate()))
        .append("** (")
        .append(s.passedAttempts())
        .append('/')
        .append(s.scoredAttempts())
        .append(") | ")
        .append(Figures.interval(s.passRateWilson95()))
        .append(" | ")
        .append(Figures.percent(s.passAtK()))
        .append(" | ")
        .append(Figures.percent(s.passHatK()))
        .append(" | ")
        .append(s.errorAttempts())
        .append(" (not counted) | ")
        .append(Figures.costSplit(s.modelCost(), s.judgeCostUsd()))
        .append(" | ")
        .append(Figures.duration(s.averageDurationMs()))
        .append(" |\n\n");
    md.append("Judge: ")
        .append(cell(s.judgeModel() == null ? s.judge() : s.judgeModel()))
        .append(" · ")
        .append(s.caseCount())
        .append(" case(s) × ")
        .append(s.runs())
        .append(" run(s)");
    if (!s.complete()) {
      md.append(" · **incomplete**: ")
          .append(s.attemptCount())
          .append(" of ")
          .append(s.plannedAttemptCount())
          .append(" attempts recorded");
    }
    md.append("\n\n");
  }

  private static void comparison(StringBuilder md, Comparison comparison) {
    if (comparison == null) {
      return;
    }
    md.append("### Against the baseline\n\n");
    if (comparison.status() == ComparisonStatus.NO_BASELINE) {
      ComparisonNotes.of(comparison).forEach(note -> md.append(cell(note, 1000)).append("\n\n"));
      return;
    }
    if (comparison.status() == ComparisonStatus.UNREADABLE) {
      md.append("Baseline `")
          .append(comparison.baseline())
          .append("` could not be read: ")
          .append(cell(comparison.detail()))
          .append("\n\n");
      return;
    }
    Map<Verdict, Long> counts =
        comparison.cases().stream()
            .collect(Collectors.groupingBy(CaseComparison::verdict, Collectors.counting()));
    md.append("Baseline `")
        .append(comparison.baseline())
        .append("`: pass rate ")
        .append(Figures.points(comparison.passRateDelta()))
        .append("; ")
        .append(
            Arrays.stream(Verdict.values())
                .map(v -> counts.getOrDefault(v, 0L) + " " + v.wireName())
                .collect(Collectors.joining(", ")))
        .append(".\n\n");
    ComparisonNotes.of(comparison)
        .forEach(note -> md.append("- ").append(cell(note, 1000)).append('\n'));
    md.append('\n');
  }

  private static void cases(StringBuilder md, Summary summary, AttemptSource attempts, int budget) {
    Comparison comparison = summary.comparison();
    List<CaseSummary> shown =
        summary.cases().stream()
            .filter(
                c -> c.hasFailures() || c.errorAttempts() > 0 || verdictOf(comparison, c) != null)
            .sorted(Comparator.comparing((CaseSummary c) -> verdictOf(comparison, c) == null))
            .toList();
    if (shown.isEmpty()) {
      md.append("Every scored attempt passed.\n");
      return;
    }
    md.append("### Regressed and failing cases\n\n");
    md.append("| Case | Verdict | Pass rate | Baseline | p-value | Errors | Failing check |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    int written = 0;
    for (CaseSummary c : shown) {
      String row = row(c, comparison, attempts);
      if (md.length() + row.length() > budget) {
        break;
      }
      md.append(row);
      written++;
    }
    if (written < shown.size()) {
      md.append("\n_")
          .append(shown.size() - written)
          .append(" more case row(s) cut to stay under GitHub's ")
          .append(GITHUB_COMMENT_LIMIT)
          .append("-character comment limit; every case is in `")
          .append(cell(summary.runDirectory()).replace("`", "'"))
          .append("/report.html`._\n");
    }
  }

  private static String row(CaseSummary c, Comparison comparison, AttemptSource attempts) {
    CaseComparison compared = comparison == null ? null : comparison.caseNamed(c.id());
    StringBuilder md = new StringBuilder("| `").append(c.id()).append("` | ");
    md.append(compared == null ? "–" : bold(compared.verdict())).append(" | ");
    md.append(Figures.percent(c.scoredAttempts() == 0 ? null : c.passRate()))
        .append(" (")
        .append(c.passedAttempts())
        .append('/')
        .append(c.scoredAttempts())
        .append(") | ");
    md.append(compared == null ? "–" : Figures.percent(compared.baselinePassRate())).append(" | ");
    md.append(compared == null ? "–" : Figures.pValue(compared.pValue())).append(" | ");
    md.append(c.errorAttempts()).append(" | ").append(failingCheck(c, attempts)).append(" |\n");
    return md.toString();
  }

  /** The comparison of a case, but only when it regressed. */
  private static Verdict verdictOf(Comparison comparison, CaseSummary c) {
    CaseComparison compared = comparison == null ? null : comparison.caseNamed(c.id());
    return compared != null && compared.verdict() == Verdict.REGRESSED ? Verdict.REGRESSED : null;
  }

  private static String bold(Verdict verdict) {
    return verdict == Verdict.REGRESSED ? "**regressed**" : verdict.wireName();
  }

  /** The check the case failed most often, with the first message it gave. */
  static String failingCheck(CaseSummary c, AttemptSource attempts) {
    List<Check> failed = new ArrayList<>();
    attempts.forEachAttemptOf(
        c.id(),
        a -> {
          if (a.scored()) {
            failed.addAll(a.failedChecks());
          }
        });
    if (failed.isEmpty()) {
      return "–";
    }
    Map<String, Long> counts =
        failed.stream().collect(Collectors.groupingBy(Check::name, Collectors.counting()));
    String worst =
        counts.entrySet().stream()
            .max(
                Map.Entry.<String, Long>comparingByValue()
                    .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
            .map(Map.Entry::getKey)
            .orElseThrow();
    Check first = failed.stream().filter(ch -> ch.name().equals(worst)).findFirst().orElseThrow();
    String detail = first.detail().isBlank() ? "" : ": " + cell(first.detail());
    return "`" + worst.replace("`", "'") + "` (" + counts.get(worst) + "×)" + detail;
  }

  static List<CheckFailure> top(Summary summary, int limit) {
    return summary.checkFailures().stream().limit(limit).toList();
  }

  /** Text safe inside a table cell: one line, no pipes, not too long. */
  static String cell(String text) {
    return cell(text, MAX_DETAIL);
  }

  private static String cell(String text, int max) {
    if (text == null) {
      return "";
    }
    String line =
        text.replaceAll("\\s+", " ").replaceAll("\\p{Cc}", "").replace("|", "\\|").strip();
    return line.length() > max ? line.substring(0, max - 1) + "…" : line;
  }
}
