package dev.evals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.run.RunDirectory;
import dev.evals.run.RunLock;
import dev.evals.testing.CasesRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder belongs to one run, executed by one process at a time. */
class RunOwnershipTest {

  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @TempDir Path dir;

  @BeforeEach
  void writeASuiteOfThreeCases() throws IOException {
    String expected =
        Files.readString(PROJECT.resolve("fixtures/flow/expected/single_step_temperature.json"));
    new CasesRoot(dir)
        .caseFile("flow", BadInputTest.caseFile("flow-a", "flow-b", "flow-c"))
        .file("fixtures/celsius.json", expected);
  }

  private CliRun evals(String... args) {
    return CliRun.of(dir, Map.of(), args);
  }

  @Test
  void twoRunsStartedAtTheSameMomentGetAFolderEach() throws IOException {
    CliRun first = evals("run", "flow", "--model", "reference");
    CliRun second = evals("run", "flow", "--model", "reference");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(second.exitCode()).as(second.err()).isZero();
    List<Path> folders;
    try (Stream<Path> list = Files.list(dir.resolve("results"))) {
      folders = list.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(folders).hasSize(2);
    for (Path folder : folders) {
      assertThat(Files.readAllLines(folder.resolve("index.jsonl"))).hasSize(3);
    }
    assertThat(first.out()).contains("3/3 passed");
    assertThat(second.out()).contains("3/3 passed");
  }

  @Test
  void aFreshRunNeverWritesIntoAnEarlierRunsFolder() throws IOException {
    assertThat(evals("run", "flow", "--model", "reference", "--output", "out/run.json").exitCode())
        .isZero();
    List<String> before = Files.readAllLines(dir.resolve("out/run/index.jsonl"));

    CliRun again = evals("run", "flow", "--model", "reference", "--output", "out/run.json");

    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("--resume out/run.json");
    assertThat(Files.readAllLines(dir.resolve("out/run/index.jsonl"))).isEqualTo(before);
  }

  @Test
  void aRunFolderHeldByAnotherProcessIsRefusedToResumeRerunAndReport() throws IOException {
    assertThat(evals("run", "flow", "--model", "reference", "--output", "out/run.json").exitCode())
        .isZero();
    RunDirectory run = RunDirectory.ofFolder(dir.resolve("out/run"));
    List<String> before = Files.readAllLines(run.index().file());

    try (RunLock held = run.lock(Instant.parse("2026-11-24T11:00:00Z"))) {
      for (String flag : List.of("--resume", "--rerun-failed", "--retry-errors")) {
        CliRun refused = evals("run", flag, "out/run.json");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err().strip())
            .startsWith("error: " + run.folder() + " is in use by another evals process (pid ")
            .contains("started 2026-11-24T11:00:00Z")
            .doesNotContain("\n");
      }
      assertThat(evals("report", "out/run").exitCode()).isEqualTo(2);
    }
    assertThat(Files.readAllLines(run.index().file())).isEqualTo(before);
    assertThat(evals("report", "out/run").exitCode()).isZero();
  }

  @Test
  void aTornLastIndexLineIsRunAgainAndNeverBreaksReportOrResume() throws IOException {
    assertThat(evals("run", "flow", "--model", "reference", "--output", "out/run.json").exitCode())
        .isZero();
    Path index = dir.resolve("out/run/index.jsonl");
    List<String> lines = Files.readAllLines(index);
    String torn = lines.get(2).substring(0, 40);
    Files.writeString(index, lines.get(0) + "\n" + lines.get(1) + "\n" + torn);

    CliRun report = evals("report", "out/run");
    CliRun resumed = evals("run", "--resume", "out/run.json");
    CliRun resumedAgain = evals("run", "--resume", "out/run.json");
    CliRun reportAgain = evals("report", "out/run");

    assertThat(report.exitCode()).as(report.err()).isZero();
    assertThat(report.out()).contains("2/2 passed");
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains("Continuing with 1 attempt(s)");
    assertThat(resumedAgain.exitCode()).as(resumedAgain.err()).isZero();
    assertThat(resumedAgain.err()).contains("Continuing with 0 attempt(s)");
    assertThat(reportAgain.exitCode()).isZero();
    assertThat(reportAgain.out()).contains("3/3 passed");
    assertThat(Files.readAllLines(index)).hasSize(3).doesNotContain(torn);
    assertThat(Files.readString(dir.resolve("out/run/run.log"))).contains(torn);
  }

  @Test
  void aContinuedPartialRunIsNeverRecordedToHistory() throws IOException {
    assertThat(
            evals("run", "flow", "flow-a", "--model", "reference", "--output", "part.json")
                .exitCode())
        .isZero();
    Files.writeString(dir.resolve("part/index.jsonl"), "", StandardOpenOption.TRUNCATE_EXISTING);

    CliRun recorded = evals("run", "--resume", "part.json", "--record");
    CliRun resumed = evals("run", "--resume", "part.json");

    assertThat(recorded.exitCode()).isEqualTo(2);
    assertThat(recorded.err()).contains("--record only records full-suite runs");
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(dir.resolve("history/flow.jsonl")).doesNotExist();
    assertThat(Files.readString(dir.resolve("part.json"), StandardCharsets.UTF_8))
        .contains("\"caseCount\" : 1");
  }
}
