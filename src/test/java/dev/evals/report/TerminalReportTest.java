package dev.evals.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.run.AttemptRecord;
import dev.evals.run.AttemptStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TerminalReportTest {

  /** A summary with the attempts it was built from. */
  private record Run(Summary summary, AttemptSource attempts) {}

  private static String printed(Summary summary) {
    return printed(new Run(summary, new HeldAttempts(List.of(), List.of())));
  }

  private static String printed(Run run) {
    StringWriter out = new StringWriter();
    TerminalReport.print(new PrintWriter(out), run.summary(), run.attempts(), List.of());
    return out.toString();
  }

  @Test
  void splitsTheCostIntoModelAndJudge() {
    Summary summary =
        SummaryBuilder.build(
            SummaryBuilderTest.manifest(List.of("a"), 1, "sonnet"),
            List.of(
                SummaryBuilderTest.attempt("a", 1, dev.evals.run.AttemptStatus.OK, true, 10, 90)),
            "run");

    assertThat(printed(summary)).contains("  cost $0.0110 (model $0.0100 + judge $0.0010)");
  }

  @Test
  void printsTheSuiteVerdictAndTheSmallestDetectableChange() {
    Summary after = BaselineComparisonTest.oneRunEach(8);
    Summary compared =
        after.withComparison(
            BaselineComparison.compare(
                after, Baseline.of(BaselineComparisonTest.oneRunEach(16), "base.json")));

    assertThat(printed(compared))
        .contains("  cost $0.1800 (model $0.1800 + judge off)")
        .contains(
            "  Suite REGRESSED: 8 of 18 shared case(s) down, 0 up, 10 tied (sign test p ="
                + " 0.0078).")
        .contains("  Detectable: the smallest detectable suite regression is 6 of 18 case(s)");
  }

  @Test
  void saysWhyThereIsNoBaseline() {
    Summary summary =
        BaselineComparisonTest.oneRunEach(8)
            .withComparison(Comparison.noBaseline("no history file history/flow.jsonl"));

    assertThat(printed(summary))
        .contains(
            "No baseline: no history file history/flow.jsonl. Nothing was compared, so no"
                + " regression gate could fire.");
  }

  @Test
  void labelsAnExplicitBaselineOfAnotherModel() {
    Summary after = BaselineComparisonTest.oneRunEach(8);
    Baseline reference =
        new Baseline(
            "ref.json",
            "flow",
            null,
            Baseline.of(after, "x").cases(),
            "reference",
            after.casesFileDigest());

    assertThat(printed(after.withComparison(BaselineComparison.compare(after, reference))))
        .contains(
            "  Note: baseline of another model or judge: reference, judge off (named with --baseline).");
  }

  private static Run withFailedCases(int failedCases) {
    List<String> ids =
        IntStream.rangeClosed(1, failedCases + 1).mapToObj(i -> "case-" + i).toList();
    List<AttemptRecord> attempts = new ArrayList<>();
    for (String id : ids) {
      boolean passes = id.equals("case-" + (failedCases + 1));
      attempts.add(SummaryBuilderTest.attempt(id, 1, AttemptStatus.OK, passes, 10, null));
    }
    HeldAttempts held = new HeldAttempts(ids, attempts);
    return new Run(
        SummaryBuilder.build(SummaryBuilderTest.manifest(ids, 1, null), held, "run"), held);
  }

  @Test
  void endsWithTheHeadlineAfterThePathsWritten() {
    StringWriter out = new StringWriter();
    Run run = withFailedCases(1);
    TerminalReport.print(
        new PrintWriter(out), run.summary(), run.attempts(), List.of(Path.of("results/r")));

    assertThat(out.toString().lines().toList())
        .endsWith(
            "Written:",
            "  results/r",
            "flow suite, haiku (anthropic:claude-haiku-4-5): 1/2 passed (50.0%)");
  }

  @Test
  void groupsFailuresByCaseWithTheFirstFailedCheck() {
    List<AttemptRecord> attempts =
        List.of(
            SummaryBuilderTest.attempt("a", 1, AttemptStatus.OK, false, 10, null),
            SummaryBuilderTest.attempt("a", 2, AttemptStatus.OK, true, 10, null),
            SummaryBuilderTest.attempt("a", 3, AttemptStatus.EXECUTION_ERROR, false, 10, null));
    Summary summary =
        SummaryBuilder.build(SummaryBuilderTest.manifest(List.of("a"), 3, null), attempts, "run");
    StringWriter out = new StringWriter();

    TerminalReport.print(
        new PrintWriter(out),
        summary,
        new HeldAttempts(List.of("a"), attempts),
        List.of(),
        Colours.PLAIN);

    assertThat(out.toString())
        .contains(
            "Failures by case (1 of 1 case(s)):\n"
                + "  a: 2 of 3 attempts failed (1 execution error); first: run succeeded: x\n")
        .doesNotContain("#1", "#3");
  }

  @Test
  void capsTheFailedCasesAndPointsToTheReportForTheRest() {
    String printed = printed(withFailedCases(13));

    assertThat(printed)
        .contains("Failures by case (13 of 14 case(s)):")
        .contains("  case-10: 1 of 1 attempt failed; first: run succeeded: x")
        .doesNotContain("  case-11:")
        .contains("  … and 3 more in report.html");
  }

  @Test
  void coloursTheHeadlineByWhetherEverythingPassed() {
    StringWriter out = new StringWriter();
    Run run = withFailedCases(1);
    TerminalReport.print(
        new PrintWriter(out), run.summary(), run.attempts(), List.of(), Colours.ANSI);

    assertThat(out.toString())
        .endsWith(
            "\033[1;31mflow suite, haiku (anthropic:claude-haiku-4-5): 1/2 passed (50.0%)\033[0m\n");
    assertThat(TerminalReport.headline(withFailedCases(0).summary(), Colours.ANSI))
        .isEqualTo(
            "\033[1;32mflow suite, haiku (anthropic:claude-haiku-4-5): 1/1 passed (100.0%)\033[0m");
  }
}
