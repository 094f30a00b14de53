package dev.evals.report.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.config.Environment;
import dev.evals.report.AttemptSource;
import dev.evals.report.Summary;
import dev.evals.run.AttemptRecord;
import dev.evals.run.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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
                Environment.of(Map.of("GITHUB_STEP_SUMMARY", stepSummary.toString())))
            .reports();

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

  @Test
  void leavesOutAReportTheDiskRefusesWithAOneLineWarningAndWritesTheOthers() throws Exception {
    RunDirectory run = RunDirectory.at(dir.resolve("run.json"));
    Summary summary = SampleRun.write(run);
    Files.createDirectories(run.folder().resolve("report.html/in-the-way"));

    ReportFiles.Written written =
        ReportFiles.write(
            summary, SampleRun.attempts(run), run.folder(), run.folder(), Environment.of(Map.of()));

    assertThat(written.reports())
        .containsExactly(run.folder().resolve("pr-comment.md"), run.folder().resolve("junit.xml"));
    assertThat(written.warnings())
        .singleElement()
        .satisfies(
            w ->
                assertThat(w)
                    .startsWith("warning: report.html not written: ")
                    .doesNotContain("\n"));
    try (var left = Files.list(run.folder())) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void leavesOutAReportTooBigForTheHeapWithAOneLineWarning() throws Exception {
    RunDirectory run = RunDirectory.at(dir.resolve("run.json"));
    Summary summary = SampleRun.write(run);
    Files.writeString(run.folder().resolve("report.html"), "the last good report");
    AttemptSource exhausting =
        new AttemptSource() {
          @Override
          public List<String> caseIds() {
            return List.of("steady");
          }

          @Override
          public void forEachAttemptOf(String caseId, Consumer<AttemptRecord> sink) {
            throw new OutOfMemoryError("Java heap space");
          }
        };

    ReportFiles.Written written =
        ReportFiles.write(
            summary, exhausting, run.folder(), run.folder(), Environment.of(Map.of()));

    // every report reads the attempts now, so each says so on its own line
    assertThat(written.warnings())
        .containsExactly(
            "warning: report.html not written: too big for the heap (Java heap space); rebuild it"
                + " with a larger one: EVALS_JAVA_OPTS=-Xmx2g ./evals report <run>",
            "warning: pr-comment.md not written: too big for the heap (Java heap space); rebuild"
                + " it with a larger one: EVALS_JAVA_OPTS=-Xmx2g ./evals report <run>",
            "warning: junit.xml not written: too big for the heap (Java heap space); rebuild it"
                + " with a larger one: EVALS_JAVA_OPTS=-Xmx2g ./evals report <run>");
    assertThat(written.reports()).isEmpty();
    assertThat(run.folder().resolve("report.html")).hasContent("the last good report");
  }
}
