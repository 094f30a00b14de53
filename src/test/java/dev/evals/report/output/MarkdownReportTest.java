package dev.evals.report.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.report.AttemptSource;
import dev.evals.report.Baseline;
import dev.evals.report.BaselineSource;
import dev.evals.report.Comparison;
import dev.evals.report.HeldAttempts;
import dev.evals.report.Summary;
import dev.evals.report.SummaryBuilder;
import dev.evals.run.AttemptRecord;
import dev.evals.run.AttemptStatus;
import dev.evals.run.RunDirectory;
import dev.evals.run.RunManifest;
import dev.evals.validate.Check;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReportTest {

  @TempDir Path dir;

  @Test
  void leadsWithTheNumbersAndListsTheRegressedCaseWithItsPValueAndFailingCheck() throws Exception {
    Summary summary = SampleRun.write(RunDirectory.at(dir.resolve("run.json")));

    String md = MarkdownReport.render(summary, SampleRun.attempts(dir));

    assertThat(md)
        .startsWith("## ❌ evals: flow suite, haiku (anthropic:claude-haiku-4-5)")
        .contains("| **64.3%** (9/14) |")
        .contains("| pass@5 | pass^5 |")
        .contains("1 (not counted)")
        .contains("Baseline `history/flow.jsonl (line 1)`: pass rate -14.7 pts; 1 regressed")
        .contains("1 removed")
        .contains(
            "| `broken` | **regressed** | 0.0% (0/5) | 100.0% | 0.0079 | 0 | `step ids` (5×): missing"
                + " <b>\"quotes\" & 'ticks'</b>")
        .contains("| `flaky` | unchanged | 100.0% (4/4) | 100.0% | 1.0000 | 1 | – |")
        .doesNotContain("`steady`")
        .contains("Most failed checks: `step ids` (5)");
    assertThat(md.indexOf("`broken`")).isLessThan(md.indexOf("`flaky`"));
  }

  @Test
  void saysWhenThereIsNoBaselineAndWhy() throws Exception {
    Summary summary =
        SampleRun.write(RunDirectory.at(dir.resolve("run.json")))
            .withComparison(Comparison.noBaseline("no history file history/flow.jsonl"));

    assertThat(MarkdownReport.render(summary, SampleRun.attempts(dir)))
        .contains(
            "No baseline: no history file history/flow.jsonl. Nothing was compared, so no"
                + " regression gate could fire.")
        .contains("| `broken` | – | 0.0% (0/5) |");
  }

  @Test
  void splitsTheCostIntoModelAndJudge() throws Exception {
    Summary summary = SampleRun.write(RunDirectory.at(dir.resolve("run.json")));

    assertThat(MarkdownReport.render(summary, SampleRun.attempts(dir)))
        .contains("| $0.0370 (model $0.0300 + judge $0.0070) |");
  }

  @Test
  void statesTheSuiteVerdictAndTheSmallestDetectableChange() throws Exception {
    Summary summary = SampleRun.write(RunDirectory.at(dir.resolve("run.json")));

    assertThat(MarkdownReport.render(summary, SampleRun.attempts(dir)))
        .contains(
            "- Suite no significant change: 1 of 3 shared case(s) down, 0 up, 2 tied (sign test p"
                + " = 1.0000).")
        .contains(
            "- Detectable: no suite change is detectable with 3 shared case(s) (the sign test"
                + " needs at least 6 moving one way); a single case can reach p = 0.0079.");
  }

  @Test
  void cutsCaseRowsToStayUnderGithubsCommentLimitAndSaysWhere() throws Exception {
    Summary many = manyFailingCases(3000);

    String md = MarkdownReport.render(many, attemptsOfMany(3000));

    assertThat(md.length()).isLessThanOrEqualTo(MarkdownReport.GITHUB_COMMENT_LIMIT);
    assertThat(md).contains("- Suite ").contains("Most failed checks:");
    int rows = (int) md.lines().filter(l -> l.startsWith("| `case-")).count();
    assertThat(rows).isBetween(100, 2999);
    assertThat(md)
        .contains(
            "_"
                + (3000 - rows)
                + " more case row(s) cut to stay under GitHub's 65536-character comment limit;"
                + " every case is in `results/many/report.html`._");
    assertThat(MarkdownReport.render(manyFailingCases(20), attemptsOfMany(20)))
        .doesNotContain("cut to stay under");
  }

  /** The attempts of {@link #manyFailingCases}: each case fails one check once. */
  private static List<AttemptRecord> manyRecords(int count) {
    List<AttemptRecord> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      records.add(
          SampleRun.record(
              String.format("case-%04d", i),
              1,
              AttemptStatus.OK,
              List.of(Check.fail("step ids", "missing step number " + i + " ".repeat(200)))));
    }
    return records;
  }

  private static AttemptSource attemptsOfMany(int count) {
    return new HeldAttempts(List.of(), manyRecords(count));
  }

  /** A run of {@code count} cases that each fail once, against a baseline where all passed. */
  private static Summary manyFailingCases(int count) {
    List<AttemptRecord> records = manyRecords(count);
    List<String> ids = records.stream().map(AttemptRecord::caseId).toList();
    RunManifest base = SampleRun.manifest();
    RunManifest manifest =
        new RunManifest(
            base.version(),
            base.mode(),
            new RunManifest.ModelChoice(base.runModel(), base.runModelAlias(), null),
            new RunManifest.JudgeChoice(
                base.judgeModel(),
                base.judgeModelAlias(),
                base.judgeThreshold(),
                base.judgeSamples()),
            new RunManifest.Selection(ids, List.of(), List.of(), 1),
            new RunManifest.Settings(
                base.concurrency(), base.backendValidation(), null, null, false),
            new RunManifest.Provenance(
                base.casesRoot(),
                base.casesFileDigest(),
                base.gitSha(),
                base.startedAt(),
                null,
                base.toolVersion(),
                base.toolCommit()));
    Summary summary = SummaryBuilder.build(manifest, records, "results/many");
    Baseline allPassed =
        new Baseline(
            "history/flow.jsonl (line 1)",
            "flow",
            summary.judgeModel(),
            ids.stream().map(id -> new Baseline.Counts(id, 1, 1)).toList(),
            summary.runModel(),
            summary.casesFileDigest());
    return summary.withComparison(BaselineSource.against(summary, allPassed));
  }

  @Test
  void keepsTableCellsOnOneLineWithoutPipes() {
    assertThat(MarkdownReport.cell("a | b\nc")).isEqualTo("a \\| b c");
  }
}
