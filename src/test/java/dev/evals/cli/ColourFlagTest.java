package dev.evals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.report.Terminal;
import dev.evals.testing.CasesRoot;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run on a (fake) colour terminal, with and without {@code --no-color}. */
class ColourFlagTest {

  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @TempDir Path dir;

  @BeforeEach
  void writeASuite() throws IOException {
    new CasesRoot(dir.resolve("suite"))
        .caseFile("flow", GoldenSuite.CASES)
        .file(
            "fixtures/complete.json",
            Files.readString(
                PROJECT.resolve("fixtures/flow/expected/single_step_temperature.json")))
        .file("fixtures/skeleton.json", GoldenSuite.SKELETON);
  }

  private String[] run(String output, String... more) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] base = {
      "run", "flow", "flow-good", "--model", "reference", "--cases-dir", "suite", "--output", output
    };
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    int code =
        EvalsCli.run(
            args,
            new PrintWriter(out),
            new PrintWriter(err),
            Map.of(),
            dir,
            CliRun.CLOCK,
            new Terminal(true, true, 60, true),
            new Random(1));
    assertThat(code).as(err.toString()).isZero();
    return new String[] {out.toString(), err.toString()};
  }

  @Test
  void coloursTheVerdictAndHeadlineOnAColourTerminal() {
    String[] streams = run("a.json");

    assertThat(streams[1]).contains("\033[32mPASS\033[0m  flow-good #1").contains("\r\033[2K");
    assertThat(streams[0]).contains("\033[1;32mflow suite, reference: 1/1 passed (100.0%)\033[0m");
  }

  @Test
  void noColorKeepsTheStatusLineButDropsTheColour() {
    String[] streams = run("b.json", "--no-color");

    assertThat(streams[1]).contains("PASS  flow-good #1").doesNotContain("\033[3", "\033[1;");
    assertThat(streams[0]).doesNotContain("\033");
  }
}
