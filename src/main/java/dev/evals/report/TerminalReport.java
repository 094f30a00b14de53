package dev.evals.report;

import dev.evals.run.AttemptRecord;
import dev.evals.validate.Check;
import java.io.PrintWriter;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The readable end-of-run summary printed on stdout: the figures, the failures grouped by case
 * (capped, the rest is in report.html), warnings, the baseline, the paths written, and last the
 * headline, so it is what a terminal shows when the run is over.
 */
public final class TerminalReport {

  /** At most this many failed cases are listed; report.html has every one. */
  static final int MAX_FAILED_CASES = 10;

  private TerminalReport() {}

  /** The report without colour. */
  public static void print(
      PrintWriter out, Summary summary, AttemptSource attempts, List<Path> written) {
    print(out, summary, attempts, written, Colours.PLAIN);
  }

  /**
   * The report.
   *
   * @param attempts the run's attempts, handed over once for the failures and once for the warnings
   * @param colours ANSI colour for the headline when stdout is a terminal that wants it
   */
  public static void print(
      PrintWriter out, Summary summary, AttemptSource source, List<Path> written, Colours colours) {
    Iterable<AttemptRecord> attempts = caseByCase(source);
    out.println();
    printFigures(out, summary);
    printProblems(out, summary, attempts);
    printWarnings(out, attempts);
    printComparison(out, summary.comparison());
    out.println("Written:");
    written.forEach(path -> out.println("  " + path));
    out.println(headline(summary, colours));
    out.flush();
  }

  /** The attempts case by case, holding one case's records at a time. */
  private static Iterable<AttemptRecord> caseByCase(AttemptSource source) {
    return () ->
        source.caseIds().stream()
            .flatMap(
                id -> {
                  List<AttemptRecord> records = new ArrayList<>();
                  source.forEachAttemptOf(id, records::add);
                  return records.stream();
                })
            .iterator();
  }

  static String headline(Summary summary, Colours colours) {
    String text =
        String.format(
            Locale.ROOT,
            "%s suite, %s: %d/%d passed (%.1f%%)%s",
            summary.mode(),
            summary.runModel(),
            summary.passedAttempts(),
            summary.scoredAttempts(),
            summary.passRate() * 100,
            summary.errorAttempts() > 0
                ? ", " + summary.errorAttempts() + " execution error(s) not counted"
                : "");
    boolean allPassed =
        summary.errorAttempts() == 0 && summary.passedAttempts() == summary.scoredAttempts();
    return colours.headline(text, allPassed);
  }

  private static void printFigures(PrintWriter out, Summary summary) {
    out.println("Figures:");
    out.printf(
        Locale.ROOT,
        "  95%% interval %s, pass@%d %s, pass^%d %s%n",
        Figures.interval(summary.passRateWilson95()),
        summary.runs(),
        Figures.percent(summary.passAtK()),
        summary.runs(),
        Figures.percent(summary.passHatK()));
    if (!summary.complete()) {
      out.printf(
          "  %d of %d planned attempts were not run%n",
          summary.plannedAttemptCount() - summary.attemptCount(), summary.plannedAttemptCount());
    }
    out.printf(
        Locale.ROOT,
        "  judge: %s%n  average duration %s (passed: %s), average tokens %d (prompt %d, completion %d)%n",
        summary.judgeModel() == null ? summary.judge() : summary.judgeModel(),
        Durations.format(Duration.ofMillis(summary.averageDurationMs())),
        Durations.format(Duration.ofMillis(summary.averagePassedDurationMs())),
        summary.averageTokenUsagePerAttempt().total(),
        summary.averageTokenUsagePerAttempt().prompt(),
        summary.averageTokenUsagePerAttempt().completion());
    out.println("  cost " + Figures.costSplit(summary.modelCost(), summary.judgeCostUsd()));
    printPromptCache(out, summary.promptCache());
  }

  private static void printPromptCache(PrintWriter out, PromptCacheUse cache) {
    if (cache == null || !cache.used()) {
      return;
    }
    String saved =
        cache.savedUsd() == null
            ? ""
            : ", saved $" + cache.savedUsd().setScale(4, RoundingMode.HALF_UP).toPlainString();
    out.printf(
        Locale.ROOT,
        "  prompt cache: %s of prompt tokens read from the cache%s%n",
        Figures.percent(cache.hitShare()),
        saved);
  }

  private static void printComparison(PrintWriter out, Comparison comparison) {
    if (comparison == null) {
      return;
    }
    switch (comparison.status()) {
      case NO_BASELINE -> ComparisonNotes.of(comparison).forEach(out::println);
      case UNREADABLE ->
          out.println("Baseline " + comparison.baseline() + " unreadable: " + comparison.detail());
      case OK -> {
        out.println(
            "Baseline "
                + comparison.baseline()
                + ": pass rate "
                + Figures.points(comparison.passRateDelta()));
        for (CaseComparison c : comparison.cases()) {
          if (c.verdict() == Verdict.REGRESSED || c.verdict() == Verdict.IMPROVED) {
            out.printf(
                Locale.ROOT,
                "  %-9s %s: %s -> %s (p = %s)%n",
                c.verdict().wireName().toUpperCase(Locale.ROOT),
                c.id(),
                Figures.percent(c.baselinePassRate()),
                Figures.percent(c.passRate()),
                Figures.pValue(c.pValue()));
          }
        }
        ComparisonNotes.of(comparison).forEach(note -> out.println("  " + note));
      }
    }
  }

  /** Warning checks never fail an attempt, so they are listed apart from the failures. */
  private static void printWarnings(PrintWriter out, Iterable<AttemptRecord> attempts) {
    boolean first = true;
    for (AttemptRecord attempt : attempts) {
      if (attempt.checks().stream().noneMatch(Check::warning)) {
        continue;
      }
      if (first) {
        out.println("Warnings (not failures):");
        first = false;
      }
      out.println("  " + attempt.caseId() + " #" + attempt.attempt());
      attempt.checks().stream()
          .filter(Check::warning)
          .forEach(check -> out.println("      " + check.name() + ": " + check.detail()));
    }
  }

  private static void printProblems(
      PrintWriter out, Summary summary, Iterable<AttemptRecord> attempts) {
    if (!summary.noReferenceCaseIds().isEmpty()) {
      out.println(
          "  no_reference (no expected solution, not in the pass rate): "
              + String.join(", ", summary.noReferenceCaseIds()));
    }
    if (!summary.judgeSkippedCaseIds().isEmpty()) {
      out.println(
          "  judge skipped (skipJudge): " + String.join(", ", summary.judgeSkippedCaseIds()));
    }
    List<CaseFailures> failures = CaseFailures.of(attempts);
    if (failures.isEmpty()) {
      return;
    }
    out.printf(
        Locale.ROOT,
        "Failures by case (%d of %d case(s)):%n",
        failures.size(),
        summary.cases().size());
    for (CaseFailures failure : failures.subList(0, Math.min(MAX_FAILED_CASES, failures.size()))) {
      out.println(
          "  " + failure.caseId() + ": " + failure.count() + "; first: " + failure.firstFailure());
    }
    if (failures.size() > MAX_FAILED_CASES) {
      out.println("  … and " + (failures.size() - MAX_FAILED_CASES) + " more in report.html");
    }
  }
}
