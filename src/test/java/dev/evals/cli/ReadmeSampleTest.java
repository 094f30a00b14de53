package dev.evals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample terminal output in README's "Two commands" is what {@code ./evals run flow --model
 * reference} shows on a terminal (stderr's lines, then stdout's), line for line: a README line
 * {@code ...} stands for any number of lines, durations may differ (the run here has a fixed
 * clock), and so may the case of an attempt line (attempts in parallel finish in any order).
 */
class ReadmeSampleTest {

  private static final Path PROJECT = Path.of("").toAbsolutePath();

  /** The moment the sample's run name records. */
  private static final Clock SAMPLE_TIME =
      Clock.fixed(Instant.parse("2026-11-24T23:02:32.118Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void theReadmeSampleIsWhatAReferenceRunOfTheFlowSuiteShows() throws IOException {
    copy(PROJECT.resolve("cases/flow.yaml"), dir.resolve("cases/flow.yaml"));
    copy(PROJECT.resolve("fixtures/flow"), dir.resolve("fixtures/flow"));

    CliRun run = CliRun.at(SAMPLE_TIME, dir, Map.of(), "run", "flow", "--model", "reference");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> shown = new ArrayList<>(run.err().lines().toList());
    shown.addAll(run.out().lines().toList());
    List<String> sample = sampleAfter("ReadmeSampleTest");
    assertThat(matches(sample, 0, shown, 0))
        .as(
            "README sample:%n%s%n%nwhat the terminal shows:%n%s",
            String.join("\n", sample), String.join("\n", shown))
        .isTrue();
  }

  @Test
  void theReadmeCaseFileErrorIsWhatAMisspelledRuleOnLine42Shows() throws IOException {
    List<String> file = new ArrayList<>();
    while (file.size() < 36) {
      file.add("# line " + (file.size() + 1));
    }
    file.addAll(
        List.of(
            "- id: flow-x",
            "  prompt: Convert `celsius` to Fahrenheit.",
            "  validate:",
            "    exactTopLevelStepIds: [convert]",
            "    topLevelStepIds: [convert]",
            "    topLevelStepIdz: [convert]"));
    Files.createDirectories(dir.resolve("cases"));
    Files.write(dir.resolve("cases/flow.yaml"), file);

    CliRun run = CliRun.of(dir, Map.of(), "run", "flow", "--model", "reference");

    String sample = sampleAfter("wrong type or a YAML syntax error").get(0);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().toList())
        .singleElement()
        .asString()
        .startsWith(sample.substring(0, sample.length() - "...".length()))
        .contains("topLevelStepIds, topLevelStepOrder");
  }

  @Test
  void anEllipsisStandsForAnyLinesAndDurationsMayDiffer() {
    List<String> sample = List.of("start", "[1/2] PASS  a #1 188ms", "  ...", "end");
    List<String> shown = List.of("start", "[1/2] PASS  b #1 0ms", "x", "y", "end");

    assertThat(matches(sample, 0, shown, 0)).isTrue();
    assertThat(matches(sample, 0, List.of("start", "[1/2] FAIL  a #1 0ms", "end"), 0)).isFalse();
    assertThat(matches(List.of("a"), 0, List.of("a", "b"), 0)).isFalse();
  }

  /** The first unlabelled code block after the paragraph that contains the given words. */
  static List<String> sampleAfter(String words) throws IOException {
    List<String> readme = Files.readAllLines(PROJECT.resolve("README.md"));
    int at = 0;
    while (!readme.get(at).contains(words)) {
      at++;
    }
    while (!readme.get(at).equals("```")) {
      at++;
    }
    List<String> block = new ArrayList<>();
    for (int line = at + 1; !readme.get(line).equals("```"); line++) {
      block.add(readme.get(line));
    }
    return block;
  }

  static boolean matches(List<String> sample, int s, List<String> shown, int t) {
    if (s == sample.size()) {
      return t == shown.size();
    }
    if (sample.get(s).strip().equals("...")) {
      for (int skip = t; skip <= shown.size(); skip++) {
        if (matches(sample, s + 1, shown, skip)) {
          return true;
        }
      }
      return false;
    }
    return t < shown.size()
        && timeless(sample.get(s)).equals(timeless(shown.get(t)))
        && matches(sample, s + 1, shown, t + 1);
  }

  /**
   * Durations differ from run to run, and attempts in parallel finish in any order, so an attempt
   * line's case id is not compared either: its counter and verdict are.
   */
  private static String timeless(String line) {
    return line.replaceAll("\\b\\d+(\\.\\d+)?(ms|s)\\b", "<duration>")
        .replaceAll("^(\\[\\d+/\\d+\\] \\S+\\s+)\\S+( #\\d+ )", "$1<case>$2");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(source, target);
        }
      }
    }
  }
}
