package dev.evals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.testing.CasesRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What picocli gives a command line, kept: suggestions, help, completion, an inherited --debug. */
class CliMannersTest {

  @TempDir Path dir;

  private CliRun evals(String... args) {
    return CliRun.of(dir, Map.of(), args);
  }

  @Test
  void aMistypedOptionGetsPicoclisSuggestions() {
    CliRun run = evals("run", "flow", "--modle", "reference");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines())
        .containsExactly(
            "error: Unknown option: '--modle'",
            "Possible solutions: --model, --models, --model-option, --models-file",
            "see 'evals run --help'");
  }

  @Test
  void aMistypedSubcommandGetsADidYouMean() {
    assertThat(evals("hisotry", "flow").err()).contains("Did you mean: evals history?");
  }

  @Test
  void helpListsTheCommandsAndHelpOfACommandIsItsUsage() {
    CliRun all = evals("help");
    CliRun run = evals("help", "run");

    assertThat(all.exitCode()).isZero();
    assertThat(all.out()).contains("history", "completion", "help", "--debug");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: evals run").contains("--tag=<tag>", "--debug");
  }

  @Test
  void completionPrintsPicoclisScriptForBashAndZsh() {
    CliRun bash = evals("completion", "bash");
    CliRun zsh = evals("completion", "zsh");

    assertThat(bash.exitCode()).isZero();
    assertThat(bash.out())
        .startsWith("#!/usr/bin/env bash")
        .contains("complete -F _complete_evals", "history", "--exclude-tag");
    assertThat(zsh.out()).isEqualTo(bash.out()).contains("bashcompinit");
    CliRun fish = evals("completion", "fish");
    assertThat(fish.exitCode()).isEqualTo(2);
    assertThat(fish.err()).contains("expected one of [bash, zsh]");
  }

  @Test
  void debugIsAcceptedBeforeOrAfterAnySubcommand() {
    assertThat(evals("models", "--debug").exitCode()).isZero();
    assertThat(evals("--debug", "models").exitCode()).isZero();
    assertThat(evals("compare", "--debug", "--help").exitCode()).isZero();
    assertThat(evals("report", "--debug", "--help").exitCode()).isZero();
  }

  @Test
  void anInternalErrorShowsItsStackTraceOnlyWithDebugWhereverItIsGiven() throws IOException {
    Files.createDirectories(dir.resolve("history"));
    Files.writeString(dir.resolve("history/flow.jsonl"), "");
    Files.createDirectories(dir.resolve("page"));

    CliRun plain = evals("history", "flow", "--html", "page");
    CliRun before = evals("--debug", "history", "flow", "--html", "page");
    CliRun after = evals("history", "flow", "--html", "page", "--debug");

    assertThat(plain.exitCode()).isEqualTo(70);
    assertThat(plain.err()).contains("error: unexpected failure: ").doesNotContain("\tat ");
    assertThat(before.exitCode()).isEqualTo(70);
    assertThat(before.err()).contains("\tat ");
    assertThat(after.err()).contains("\tat ");
  }

  @Test
  void casesWithoutACasesFolderSaysWhereItLookedAndExits2() {
    CliRun run = evals("cases");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip())
        .isEqualTo(
            "error: no case file in "
                + dir.resolve("cases")
                + " (looked for cases/flow.yaml, cases/script.yaml, cases/app.yaml,"
                + " cases/cli.yaml, cases/global.yaml); pass --cases-dir <dir> for another root");
  }

  @Test
  void casesShowsEachCasesTags() throws IOException {
    writeTaggedSuite();

    CliRun run = evals("cases", "flow");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines())
        .contains(
            "  flow-a  [basic] Convert `celsius` in one step `convert_temperature`.",
            "  flow-b  [basic, slow] Convert `celsius` in one step `convert_temperature`.",
            "  flow-c  Convert `celsius` in one step `convert_temperature`.");
  }

  @Test
  void runSelectsByTagTogetherWithIdsAndGlobs() throws IOException {
    writeTaggedSuite();

    CliRun tagged =
        evals(
            "run",
            "flow",
            "--model",
            "reference",
            "--tag",
            "basic",
            "--exclude-tag",
            "slow",
            "--output",
            "out/tagged.json");
    CliRun withGlob =
        evals(
            "run",
            "flow",
            "flow-b",
            "flow-c*",
            "--model",
            "reference",
            "--exclude-tag",
            "basic",
            "--output",
            "out/glob.json");

    assertThat(tagged.exitCode()).as(tagged.err()).isZero();
    assertThat(tagged.err()).contains("Running 1 attempt(s) of 1 flow case(s)");
    assertThat(dir.resolve("out/tagged/flow-a")).isDirectory();
    assertThat(dir.resolve("out/tagged/flow-b")).doesNotExist();
    assertThat(withGlob.exitCode()).as(withGlob.err()).isZero();
    assertThat(dir.resolve("out/glob/flow-c")).isDirectory();
    assertThat(dir.resolve("out/glob/flow-a")).doesNotExist();
  }

  @Test
  void anUnknownTagIsBadInputWithADidYouMeanBeforeAnyModelIsCalled() throws IOException {
    writeTaggedSuite();

    CliRun run = evals("run", "flow", "--model", "haiku", "--tag", "slwo");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "error: no flow case has the tag 'slwo' (did you mean 'slow'?); tags: basic, slow");
  }

  private void writeTaggedSuite() throws IOException {
    String fixture =
        Files.readString(Path.of("fixtures/flow/expected/single_step_temperature.json"));
    StringBuilder cases = new StringBuilder();
    String[][] tagged = {{"flow-a", "[basic]"}, {"flow-b", "[basic, slow]"}, {"flow-c", "[]"}};
    for (String[] c : tagged) {
      cases.append(
          """
          - id: %s
            prompt: Convert `celsius` in one step `convert_temperature`.
            expected: fixtures/flow/expected/celsius.json
            tags: %s
          """
              .formatted(c[0], c[1]));
    }
    new CasesRoot(dir)
        .caseFile("flow", cases.toString())
        .file("fixtures/flow/expected/celsius.json", fixture);
  }
}
