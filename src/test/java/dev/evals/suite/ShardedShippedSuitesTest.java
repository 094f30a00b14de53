package dev.evals.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.cli.EvalsCli;
import dev.evals.report.Terminal;
import dev.evals.testing.RunShape;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 18's bar: every shipped suite run as four shards with the reference model and merged equals
 * the same suite run whole, attempt for attempt, with the same counts, statistics and verdicts.
 */
class ShardedShippedSuitesTest {

  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @TempDir Path workDir;

  static List<String> shippedModes() {
    return ShippedSuitesTest.shippedModes();
  }

  private String evals(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of(args));
    int code =
        EvalsCli.run(
            all.toArray(String[]::new),
            new PrintWriter(out),
            new PrintWriter(err),
            Map.of(),
            workDir,
            Clock.systemUTC(),
            Terminal.NONE);
    assertThat(code).as(String.join(" ", args) + "\n" + err).isZero();
    return out.toString();
  }

  @ParameterizedTest
  @MethodSource("shippedModes")
  void fourMergedShardsOfAShippedSuiteEqualItsWholeRun(String mode) throws Exception {
    String cases = PROJECT.toString();
    evals("run", mode, "--model", "reference", "--cases-dir", cases, "--output", "whole.json");
    List<String> merge = new ArrayList<>(List.of("merge", "--output", "merged.json"));
    for (int index = 1; index <= 4; index++) {
      evals(
          "run",
          mode,
          "--model",
          "reference",
          "--cases-dir",
          cases,
          "--shard",
          index + "/4",
          "--output",
          "shard-" + index + ".json");
      merge.add("shard-" + index);
    }

    evals(merge.toArray(String[]::new));

    assertThat(RunShape.attempts(workDir.resolve("merged")))
        .isEqualTo(RunShape.attempts(workDir.resolve("whole")))
        .isNotEmpty();
    assertThat(RunShape.summary(workDir.resolve("merged.json")))
        .isEqualTo(RunShape.summary(workDir.resolve("whole.json")));
  }
}
