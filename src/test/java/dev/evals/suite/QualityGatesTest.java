package dev.evals.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.model.TokenUsage;
import dev.evals.report.Baseline;
import dev.evals.report.BaselineSource;
import dev.evals.report.Summary;
import dev.evals.report.SummaryBuilder;
import dev.evals.run.AttemptKey;
import dev.evals.run.AttemptOutcome;
import dev.evals.run.AttemptRecord;
import dev.evals.run.AttemptStatus;
import dev.evals.run.AttemptTiming;
import dev.evals.run.AttemptUsage;
import dev.evals.run.RunManifest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityGatesTest {

  private static final ReportOptions FAIL_ON_REGRESSION = new ReportOptions(null, true, null);

  @Test
  void failsOnASuiteRegressionAtOneRunThoughNoCaseRegressedOnItsOwn() {
    StringWriter err = new StringWriter();

    int code =
        QualityGates.exitCode(
            List.of(compared(8, 16)), null, FAIL_ON_REGRESSION, new PrintWriter(err));

    assertThat(code).isEqualTo(ExitCodes.BELOW_MIN_PASS_RATE);
    assertThat(err.toString())
        .isEqualTo(
            "gate: haiku: suite REGRESSED: 8 of 18 shared case(s) down, 0 up, 10 tied (sign test"
                + " p = 0.0078)"
                + System.lineSeparator());
  }

  @Test
  void letsAOneCaseDropThrough() {
    StringWriter err = new StringWriter();

    int code =
        QualityGates.exitCode(
            List.of(compared(15, 16)), null, FAIL_ON_REGRESSION, new PrintWriter(err));

    assertThat(code).isEqualTo(ExitCodes.DONE);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void staysQuietWithoutFailOnRegression() {
    StringWriter err = new StringWriter();

    int code =
        QualityGates.exitCode(
            List.of(compared(8, 16)), null, ReportOptions.DEFAULTS, new PrintWriter(err));

    assertThat(code).isEqualTo(ExitCodes.DONE);
  }

  /** Eighteen cases run once: {@code passing} pass now, {@code basePassing} passed before. */
  private static Summary compared(int passing, int basePassing) {
    List<String> ids = new ArrayList<>();
    List<AttemptRecord> records = new ArrayList<>();
    List<Baseline.Counts> before = new ArrayList<>();
    for (int i = 0; i < 18; i++) {
      String id = "case-" + i;
      ids.add(id);
      records.add(attempt(id, i < passing));
      before.add(new Baseline.Counts(id, i < basePassing ? 1 : 0, 1));
    }
    Summary summary = SummaryBuilder.build(manifest(ids), records, "results/run");
    Baseline baseline =
        new Baseline("history/flow.jsonl (line 1)", "flow", null, before, "haiku", null);
    return summary.withComparison(BaselineSource.against(summary, baseline));
  }

  private static AttemptRecord attempt(String id, boolean passed) {
    return new AttemptRecord(
        new AttemptKey(id, 1),
        AttemptOutcome.of(AttemptStatus.OK, passed, List.of(), null, null),
        new AttemptUsage(TokenUsage.ZERO, 0, BigDecimal.ZERO, null, null),
        new AttemptTiming(10, 1, 1, List.of()),
        id + "/attempt-1");
  }

  private static RunManifest manifest(List<String> ids) {
    return new RunManifest(
        RunManifest.VERSION,
        "flow",
        new RunManifest.ModelChoice("haiku", "haiku", null),
        new RunManifest.JudgeChoice(null, null, 80, 1),
        new RunManifest.Selection(ids, List.of(), List.of(), 1),
        new RunManifest.Settings(5, "off", null, null, false),
        new RunManifest.Provenance(
            ".", "sha256:abc", null, "2026-11-24T12:00:00Z", null, null, null));
  }
}
