package dev.evals.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.model.TokenUsage;
import dev.evals.report.stats.Wilson;
import dev.evals.run.AttemptKey;
import dev.evals.run.AttemptOutcome;
import dev.evals.run.AttemptRecord;
import dev.evals.run.AttemptStatus;
import dev.evals.run.AttemptTiming;
import dev.evals.run.AttemptUsage;
import dev.evals.run.RunManifest;
import dev.evals.validate.Check;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryBuilderTest {

  static RunManifest manifest(List<String> caseIds, int runs, String judge) {
    return new RunManifest(
        RunManifest.VERSION,
        "flow",
        new RunManifest.ModelChoice("haiku (anthropic:claude-haiku-4-5)", "haiku", null),
        new RunManifest.JudgeChoice(judge, judge, 80, 1),
        new RunManifest.Selection(caseIds, List.of(), List.of(), runs),
        new RunManifest.Settings(5, "off", null, null, false),
        new RunManifest.Provenance(
            ".", "sha256:abc", "0123", "2026-11-24T12:00:00Z", null, "0.1.0-test", "feedc0de"));
  }

  static AttemptRecord attempt(
      String caseId, int n, AttemptStatus status, boolean passed, long ms, Integer score) {
    return new AttemptRecord(
        new AttemptKey(caseId, n),
        AttemptOutcome.of(
            status,
            passed,
            List.of(Check.of("run succeeded", passed, "x")),
            score,
            passed ? null : "x"),
        new AttemptUsage(
            TokenUsage.of(100, 50),
            100,
            new BigDecimal("0.0100"),
            score == null ? null : TokenUsage.of(10, 5),
            score == null ? null : new BigDecimal("0.0010")),
        new AttemptTiming(ms, 2, 1, List.of("set_flow")),
        caseId + "/attempt-" + n);
  }

  @Test
  void countsPassesOverScoredAttemptsAndKeepsErrorsBeside() {
    List<AttemptRecord> records =
        List.of(
            attempt("a", 1, AttemptStatus.OK, true, 1000, 90),
            attempt("a", 2, AttemptStatus.OK, false, 3000, 70),
            attempt("b", 1, AttemptStatus.OK, true, 2000, 85),
            attempt("b", 2, AttemptStatus.EXECUTION_ERROR, false, 500, null));

    Summary summary =
        SummaryBuilder.build(manifest(List.of("a", "b"), 2, "sonnet"), records, "results/run");

    assertThat(summary.attemptCount()).isEqualTo(4);
    assertThat(summary.scoredAttempts()).isEqualTo(3);
    assertThat(summary.passedAttempts()).isEqualTo(2);
    assertThat(summary.errorAttempts()).isEqualTo(1);
    assertThat(summary.passRate()).isEqualTo(0.6667);
    assertThat(summary.averageDurationMs()).isEqualTo(1625);
    assertThat(summary.averagePassedDurationMs()).isEqualTo(1500);
    assertThat(summary.averageJudgeScore()).isEqualTo(81.7);
    assertThat(summary.totalTokenUsage()).isEqualTo(TokenUsage.of(400, 200));
    assertThat(summary.averageTokenUsagePerAttempt()).isEqualTo(TokenUsage.of(100, 50));
    assertThat(summary.judgeTokenUsage()).isEqualTo(TokenUsage.of(30, 15));
    assertThat(summary.judgeCostUsd()).isEqualByComparingTo("0.003");
    assertThat(summary.totalCostUsd()).isEqualByComparingTo("0.043");
    assertThat(summary.failedCaseIds()).containsExactly("a");
    assertThat(summary.erroredCaseIds()).containsExactly("b");
    assertThat(summary.cases()).extracting(CaseSummary::passRate).containsExactly(0.5, 1.0);
    assertThat(summary.complete()).isTrue();
    assertThat(summary.judge()).isEqualTo("on");
  }

  @Test
  void listsCasesThatNeverRanAndSaysWhenTheJudgeWasOff() {
    Summary summary =
        SummaryBuilder.build(
            manifest(List.of("a", "b"), 1, null),
            List.of(attempt("a", 1, AttemptStatus.OK, true, 10, null)),
            "results/run");

    assertThat(summary.plannedAttemptCount()).isEqualTo(2);
    assertThat(summary.complete()).isFalse();
    assertThat(summary.cases()).extracting(CaseSummary::id).containsExactly("a", "b");
    assertThat(summary.cases().get(1).attemptCount()).isZero();
    assertThat(summary.judge()).startsWith("off");
    assertThat(summary.judgeModel()).isNull();
    assertThat(summary.averageJudgeScore()).isNull();
  }

  static AttemptRecord failing(String caseId, int n, String... checks) {
    List<Check> failed = java.util.Arrays.stream(checks).map(c -> Check.fail(c, "no")).toList();
    AttemptRecord base = attempt(caseId, n, AttemptStatus.OK, false, 100, null);
    return new AttemptRecord(
        new AttemptKey(caseId, n),
        AttemptOutcome.of(AttemptStatus.OK, false, failed, null, null),
        new AttemptUsage(null, 0, null, null, null),
        new AttemptTiming(100, 1, 1, List.of()),
        base.artifactsPath());
  }

  @Test
  void estimatesPassAtKPerCaseAndAveragesThemAtKEqualToRuns() {
    List<AttemptRecord> records =
        List.of(
            attempt("a", 1, AttemptStatus.OK, true, 100, null),
            attempt("a", 2, AttemptStatus.OK, true, 100, null),
            attempt("a", 3, AttemptStatus.OK, false, 100, null),
            attempt("b", 1, AttemptStatus.OK, false, 100, null),
            attempt("b", 2, AttemptStatus.EXECUTION_ERROR, false, 100, null),
            attempt("b", 3, AttemptStatus.OK, true, 100, null));

    Summary summary = SummaryBuilder.build(manifest(List.of("a", "b"), 3, null), records, "r");

    CaseSummary a = summary.cases().get(0);
    assertThat(a.scoredAttempts()).isEqualTo(3);
    assertThat(a.passAtK()).containsExactly(0.6667, 1.0, 1.0);
    assertThat(a.passHatK()).containsExactly(0.6667, 0.3333, 0.0);
    assertThat(a.passRateWilson95().low()).isEqualTo(0.2077);
    CaseSummary b = summary.cases().get(1);
    assertThat(b.scoredAttempts()).isEqualTo(2);
    assertThat(b.passAtK()).containsExactly(0.5, 1.0);
    assertThat(b.passHatK()).containsExactly(0.5, 0.0);
    // At k = runs = 3: a gives 1.0 and 0.0; b, with two scored attempts, gives its k = 2 values.
    assertThat(summary.passAtK()).isEqualTo(1.0);
    assertThat(summary.passHatK()).isEqualTo(0.0);
    assertThat(summary.passRatePerRun()).containsExactly(0.5, 1.0, 0.5);
    assertThat(summary.passRateWilson95()).isEqualTo(Wilson.interval95(3, 5));
  }

  @Test
  void countsFailedChecksOverScoredAttemptsMostFailedFirst() {
    List<AttemptRecord> records =
        List.of(
            failing("a", 1, "step ids", "judge score"),
            failing("a", 2, "judge score"),
            failing("b", 1, "judge score", "run succeeded"),
            attempt("b", 2, AttemptStatus.EXECUTION_ERROR, false, 100, null));

    Summary summary = SummaryBuilder.build(manifest(List.of("a", "b"), 2, null), records, "r");

    assertThat(summary.checkFailures())
        .containsExactly(
            new CheckFailure("judge score", 3),
            new CheckFailure("run succeeded", 1),
            new CheckFailure("step ids", 1));
    assertThat(summary.passRatePerRun()).containsExactly(0.0, 0.0);
  }

  @Test
  void condensesASummaryIntoAHistoryLine() {
    Summary summary =
        SummaryBuilder.build(
            manifest(List.of("a"), 2, "sonnet"),
            List.of(
                attempt("a", 1, AttemptStatus.OK, true, 100, 90),
                attempt("a", 2, AttemptStatus.OK, false, 300, 60)),
            "results/run");

    HistoryLine line = HistoryLine.of(summary);

    assertThat(line.header().mode()).isEqualTo("flow");
    assertThat(line.provenance().gitSha()).isEqualTo("0123");
    assertThat(line.passRate()).isEqualTo(0.5);
    assertThat(line.means().averageJudgeScore()).isEqualTo(75.0);
    assertThat(line.failedCaseIds()).containsExactly("a");
    assertThat(line.cases())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.counts().attemptCount()).isEqualTo(2);
              assertThat(c.counts().passedAttempts()).isEqualTo(1);
              assertThat(c.means().averageDurationMs()).isEqualTo(200);
            });
  }
}
