package dev.evals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.testing.CasesRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records real reference runs into history, then shows them with {@code evals history}. */
class HistoryCommandTest {

  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @TempDir Path dir;

  @BeforeEach
  void writeASuite() throws IOException {
    new CasesRoot(dir)
        .caseFile("flow", suite("convert_temperature"))
        .file(
            "fixtures/flow/expected/celsius.json",
            Files.readString(
                PROJECT.resolve("fixtures/flow/expected/single_step_temperature.json")));
  }

  private static String suite(String goodStep) {
    return """
        - id: flow-good
          prompt: Convert `celsius` to Fahrenheit in one step `convert_temperature`.
          expected: fixtures/flow/expected/celsius.json
          validate:
            exactTopLevelStepIds: [%s]
        - id: flow-bad
          prompt: Convert `celsius` to Fahrenheit in one step `other_step`.
          expected: fixtures/flow/expected/celsius.json
          validate:
            exactTopLevelStepIds: [other_step]
        """
        .formatted(goodStep);
  }

  private void recordARun(String output) {
    CliRun run =
        CliRun.of(
            dir, Map.of(), "run", "flow", "--model", "reference", "--record", "--output", output);
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void printsATableOfTheRecordedRunsAndWritesAPageWhereTheBrokenCaseFlips() throws IOException {
    recordARun("out/first.json");
    Files.writeString(dir.resolve("cases/flow.yaml"), suite("renamed_step"));
    recordARun("out/second.json");

    CliRun history = CliRun.of(dir, Map.of(), "history", "flow");

    assertThat(history.exitCode()).as(history.err()).isZero();
    assertThat(history.err()).isEmpty();
    assertThat(history.out().lines())
        .contains(
            "flow history, 2 of 2 run(s):",
            "reference  ▅▁  2 run(s), 50.0% -> 0.0%",
            "Written:",
            "  results/history/flow.html");
    assertThat(history.out()).contains("reference  1/2     50.0%      9.5%–90.6%");
    // README's "History" shows this very table.
    assertThat(history.out().lines())
        .containsExactlyElementsOf(ReadmeSampleTest.sampleAfter("torn last line"));
    Document page = Jsoup.parse(dir.resolve("results/history/flow.html").toFile());
    assertThat(page.select("tr[data-case=flow-good] td").eachAttr("class"))
        .containsExactly("pass", "fail flip", "flips");
    assertThat(page.select("g.series[data-model=reference] circle")).hasSize(2);
  }

  @Test
  void lastKeepsOnlyTheNewestRunsAndHtmlChoosesWhereThePageGoes() {
    recordARun("out/first.json");
    recordARun("out/second.json");

    CliRun history =
        CliRun.of(dir, Map.of(), "history", "flow", "--last", "1", "--html", "page.html");

    assertThat(history.exitCode()).as(history.err()).isZero();
    assertThat(history.out()).contains("flow history, 1 of 2 run(s):", "  page.html");
    assertThat(dir.resolve("page.html")).isRegularFile();
  }

  @Test
  void historyFileReadsACopyFromElsewhere() throws IOException {
    recordARun("out/first.json");
    Files.move(dir.resolve("history/flow.jsonl"), dir.resolve("downloaded.jsonl"));

    CliRun history =
        CliRun.of(dir, Map.of(), "history", "flow", "--history-file", "downloaded.jsonl");

    assertThat(history.exitCode()).as(history.err()).isZero();
    assertThat(history.out()).contains("flow history, 1 of 1 run(s):", "reference  ▅");
  }

  @Test
  void anUnreadableLineIsSkippedWithAWarningNamingIt() throws IOException {
    recordARun("out/first.json");
    Files.writeString(
        dir.resolve("history/flow.jsonl"), "{\"createdAt\":", StandardOpenOption.APPEND);

    CliRun history = CliRun.of(dir, Map.of(), "history", "flow");

    assertThat(history.exitCode()).isZero();
    assertThat(history.err()).contains("flow.jsonl: line 2 is not a history line, skipped");
    assertThat(history.out()).contains("flow history, 1 of 1 run(s):");
  }

  @Test
  void aModeWithoutHistorySaysWhereItLookedAndHowToRecord() {
    CliRun history = CliRun.of(dir, Map.of(), "history", "flow");

    assertThat(history.exitCode()).isEqualTo(2);
    assertThat(history.err().strip())
        .startsWith("error: no history file ")
        .endsWith(
            "history/flow.jsonl (a full-suite run with --record appends to it: evals run"
                + " flow --record)");
    assertThat(history.out()).isEmpty();
  }

  @Test
  void refusesAnUnknownModeAndANonPositiveLast() {
    assertThat(CliRun.of(dir, Map.of(), "history", "flwo").err()).contains("did you mean 'flow'");
    CliRun zero = CliRun.of(dir, Map.of(), "history", "flow", "--last", "0");
    assertThat(zero.exitCode()).isEqualTo(2);
    assertThat(zero.err()).contains("--last must be 1 or more, got 0");
  }
}
