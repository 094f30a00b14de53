package dev.evals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar on a real pseudo-terminal (util-linux {@code script}): the progress line and
 * colour appear only on a stream that is a terminal, so {@code 2> run.log} on a terminal writes
 * plain attempt lines, without any escape sequence, while stdout stays coloured.
 */
class TerminalIT {

  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final Path SCRIPT = Path.of("/usr/bin/script");

  @TempDir Path workDir;

  @BeforeEach
  void needsScript() {
    Assumptions.assumeTrue(
        Files.isExecutable(SCRIPT), "no /usr/bin/script (util-linux) to make a pseudo-terminal");
  }

  @Test
  void stderrRedirectedToAFileGetsPlainLinesWhileTheTerminalGetsColour() throws Exception {
    String terminal = onTerminal(evals("one.json") + " 2> err.log");

    String log = Files.readString(workDir.resolve("err.log"));
    assertThat(log)
        .contains("[1/1] PASS  flow-single-step-celsius #1")
        .doesNotContain("\r", "\033");
    assertThat(terminal).contains("\033[").contains("flow suite, reference: 1/1 passed");
  }

  @Test
  void onATerminalTheStatusLineIsDrawnAndClearedInPlace() throws Exception {
    String terminal = onTerminal(evals("two.json"));

    assertThat(terminal).contains("\r\033[2K").contains("1/1 done, 1 passed, 0 errors");
  }

  private String evals(String output) {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            PROJECT.resolve("target/evals.jar").toString(),
            "run",
            "flow",
            "flow-single-step-celsius",
            "--model",
            "reference",
            "--cases-dir",
            PROJECT.toString(),
            "--output",
            output);
    return String.join(" ", command.stream().map(part -> "'" + part + "'").toList());
  }

  /** Runs a shell command whose stdin, stdout and stderr are a pseudo-terminal; what it showed. */
  private String onTerminal(String shellCommand) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(SCRIPT.toString(), "-qec", shellCommand, "/dev/null")
            .directory(workDir.toFile())
            .redirectErrorStream(true);
    builder.environment().remove("CI");
    builder.environment().remove("NO_COLOR");
    builder.environment().put("COLUMNS", "100");
    Process process = builder.start();
    process.getOutputStream().close();
    String shown = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(shown).isZero();
    return shown;
  }
}
