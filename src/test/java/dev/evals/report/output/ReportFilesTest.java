package dev.evals.report.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.config.Environment;
import dev.evals.report.Summary;
import dev.evals.run.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

  @TempDir Path dir;

  @Test
  void writesTheThreeReportsAndAppendsTheMarkdownToTheStepSummary() throws Exception {
    RunDirectory run = RunDirectory.at(dir.resolve("run.json"));
    Summary summary = SampleRun.write(run);
    Path stepSummary = dir.resolve("step-summary.md");
    Files.writeString(stepSummary, "earlier step\n");

    var written =
        ReportFiles.write(
            summary,
            SampleRun.attempts(run),
            run.folder(),
            run.folder(),
            Environment.of(Map.of("GITHUB_STEP_SUMMARY", stepSummary.toString())));

    assertThat(written)
        .containsExactly(
            run.folder().resolve("report.html"),
            run.folder().resolve("pr-comment.md"),
            run.folder().resolve("junit.xml"));
    assertThat(written).allMatch(Files::isRegularFile);
    assertThat(Files.readString(stepSummary))
        .startsWith("earlier step\n## ❌ evals: flow suite")
        .contains("**regressed**");
  }

  @Test
  void leavesTheStepSummaryAloneOutsideGitHubActions() throws Exception {
    RunDirectory run = RunDirectory.at(dir.resolve("run.json"));
    Summary summary = SampleRun.write(run);

    ReportFiles.write(
        summary,
        SampleRun.attempts(run),
        dir.resolve("out"),
        run.folder(),
        Environment.of(Map.of()));

    assertThat(dir.resolve("out/pr-comment.md")).exists();
    assertThat(dir.resolve("step-summary.md")).doesNotExist();
  }
}
