package dev.evals.report;

import dev.evals.run.AttemptRecord;
import dev.evals.run.AttemptStatus;
import dev.evals.validate.Check;
import java.io.PrintWriter;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** The readable end-of-run summary printed on stdout. */
public final class TerminalReport {

  private TerminalReport() {}

  public static void print(
      PrintWriter out, Summary summary, AttemptSource attempts, List<Path> written) {
    out.println();
    out.printf(
        Locale.ROOT,
        "%s suite, %s: %d/%d passed (%.1f%%)%s%n",
        summary.mode(),
        summary.runModel(),
        summary.passedAttempts(),
        summary.scoredAttempts(),
        summary.passRate() * 100,
        summary.errorAttempts() > 0
            ? ", " + summary.errorAttempts() + " execution error(s) not counted"
            : "");
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
    printProblems(out, summary, attempts);
    printWarnings(out, attempts);
    printComparison(out, summary.comparison());
    out.println("Written:");
    written.forEach(path -> out.println("  " + path));
    out.flush();
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
  private static void printWarnings(PrintWriter out, AttemptSource attempts) {
    boolean[] headed = {false};
    forEachAttempt(
        attempts,
        attempt -> {
          if (attempt.checks().stream().noneMatch(Check::warning)) {
            return;
          }
          if (!headed[0]) {
            out.println("Warnings (not failures):");
            headed[0] = true;
          }
          out.println("  " + attempt.caseId() + " #" + attempt.attempt());
          attempt.checks().stream()
              .filter(Check::warning)
              .forEach(check -> out.println("      " + check.name() + ": " + check.detail()));
        });
  }

  private static void printProblems(PrintWriter out, Summary summary, AttemptSource attempts) {
    if (!summary.noReferenceCaseIds().isEmpty()) {
      out.println(
          "  no_reference (no expected solution, not in the pass rate): "
              + String.join(", ", summary.noReferenceCaseIds()));
    }
    if (!summary.judgeSkippedCaseIds().isEmpty()) {
      out.println(
          "  judge skipped (skipJudge): " + String.join(", ", summary.judgeSkippedCaseIds()));
    }
    boolean[] headed = {false};
    forEachAttempt(
        attempts,
        attempt -> {
          if (attempt.passed() || attempt.status() == AttemptStatus.NO_REFERENCE) {
            return;
          }
          if (!headed[0]) {
            out.println("Failures:");
            headed[0] = true;
          }
          printProblem(out, attempt);
        });
  }

  private static void printProblem(PrintWriter out, AttemptRecord attempt) {
    String kind = ProgressReporter.verdict(attempt);
    out.println("  " + kind + " " + attempt.caseId() + " #" + attempt.attempt());
    if (attempt.status() == AttemptStatus.INCOMPLETE_REFERENCE) {
      out.println("      incomplete_reference (not in the pass rate): " + attempt.error());
    }
    for (Check check : attempt.failedChecks()) {
      out.println("      " + check.name() + ": " + check.detail());
    }
  }

  private static void forEachAttempt(AttemptSource attempts, Consumer<AttemptRecord> sink) {
    attempts.caseIds().forEach(id -> attempts.forEachAttemptOf(id, sink));
  }
}
