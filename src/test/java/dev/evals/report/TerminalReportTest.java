package dev.evals.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalReportTest {

  private static String printed(Summary summary) {
    StringWriter out = new StringWriter();
    TerminalReport.print(
        new PrintWriter(out), summary, new HeldAttempts(List.of(), List.of()), List.of());
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
}
