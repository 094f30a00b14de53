package dev.evals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.testing.CasesRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unexpected failure during a run (here: history/ is a file, so the history line cannot be
 * written) keeps its stack trace in the run's run.log, as the message on stderr says.
 */
class InternalFailureLogTest {

  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @TempDir Path dir;

  @BeforeEach
  void writeASuiteAndBlockTheHistoryFolder() throws IOException {
    new CasesRoot(dir.resolve("suite"))
        .caseFile("flow", GoldenSuite.CASES)
        .file(
            "fixtures/complete.json",
            Files.readString(
                PROJECT.resolve("fixtures/flow/expected/single_step_temperature.json")))
        .file("fixtures/skeleton.json", GoldenSuite.SKELETON);
    Files.writeString(dir.resolve("history"), "not a folder");
  }

  private CliRun run(String... more) {
    String[] base = {
      "run",
      "flow",
      "--model",
      "reference",
      "--cases-dir",
      "suite",
      "--record",
      "--output",
      "out/run.json"
    };
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return CliRun.of(dir, java.util.Map.of(), args);
  }

  @Test
  void keepsTheStackTraceInRunLogAndNamesIt() throws IOException {
    CliRun run = run();

    assertThat(run.exitCode()).isEqualTo(EvalsCli.INTERNAL_ERROR);
    assertThat(run.err())
        .contains("error: unexpected failure: java.nio.file.FileAlreadyExistsException")
        .contains("(the stack trace is in out/run/run.log; --debug prints it here too)")
        .doesNotContain("\tat ");
    assertThat(Files.readString(dir.resolve("out/run/run.log")))
        .contains("internal error")
        .contains("FileAlreadyExistsException")
        .contains("\tat dev.evals.");
  }

  @Test
  void printsTheStackTraceOnStderrWithDebug() {
    CliRun run = run("--debug");

    assertThat(run.exitCode()).isEqualTo(EvalsCli.INTERNAL_ERROR);
    assertThat(run.err()).contains("FileAlreadyExistsException").contains("\tat dev.evals.");
  }
}
