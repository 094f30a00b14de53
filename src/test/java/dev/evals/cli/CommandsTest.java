package dev.evals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.testing.CasesRoot;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandsTest {

  @TempDir Path dir;

  @Test
  void listsModelsWithProviderPriceAndSpellings() {
    CliRun run = CliRun.of(dir, Map.of(), "models");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("haiku (default)")
        .contains("claude-opus-4.6")
        .contains("gemini-3.1-pro-preview")
        .contains("deepseek-v4-pro")
        .contains("5/25")
        .contains("openai-compatible:<id>");
  }

  @Test
  void listsCasesWithAOneLinePromptPreview() {
    new CasesRoot(dir)
        .caseFile("flow", "- id: flow-a\n  prompt: |\n    First line\n    second line\n");

    CliRun run = CliRun.of(dir, Map.of(), "cases", "flow");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("flow (1 cases, cases/flow.yaml)")
        .contains("flow-a  First line second line");
  }

  @Test
  void reportsACaseFileErrorWithFileAndLine() {
    new CasesRoot(dir).caseFile("flow", "- id: flow-a\n  prompt: x\n  colour: blue\n");

    CliRun run = CliRun.of(dir, Map.of(), "run", "flow", "--model", "reference");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).startsWith("error: cases/flow.yaml:3: unknown field 'colour'");
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "run flwo --model reference | unknown mode 'flwo' (did you mean 'flow'?)",
        "run flow --model opuss | unknown model 'opuss' (did you mean 'opus'?)",
        "run flow flow-nope --model reference | unknown flow case 'flow-nope'",
        "run flow flow-a --record --model reference | --record only records full-suite runs",
        "run flow --model reference --judge-threshold 101 | --judge-threshold must be between 0 and 100",
        "run flow --model reference --min-pass-rate 2 | --min-pass-rate must be between 0 and 1",
        "run flow --model reference --runs 0 | --runs must be at least 1",
        "run flow --model reference --judge maybe | --judge must be on or off",
        "run flow --model reference --skip-judge --judge on | --skip-judge and --judge on contradict each other",
        "run flow --model reference --skip-judge --judge-model opus | --skip-judge and --judge-model contradict each other",
        "run flow --model reference --backend-validation sometimes | --backend-validation must be off or preview",
        "run flow --model haiku --judge off | ANTHROPIC_API_KEY",
        "run flow --model reference --judge-model 4o | OPENAI_API_KEY",
        "run flow --model reference --bogus | Unknown option: '--bogus'",
        "run cli --model 4o | model '4o' has no agent command for cli mode; pass --agent-command",
        "run cli --model reference --guidance-dir nowhere | --guidance-dir: guidance directory not found",
        "run flow --model reference --env-file missing.env | --env-file: no such file: missing.env",
      })
  void rejectsBadInputWithExitCodeTwoAndOneClearLine(String args, String message) {
    new CasesRoot(dir).caseFile("flow", "- id: flow-a\n  prompt: x\n");

    CliRun run = CliRun.of(dir, Map.of(), args.strip().split(" "));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(message).doesNotContain("\tat ");
    assertThat(dir.resolve("results")).doesNotExist();
  }

  @Test
  void showsHelpWithExamples() {
    CliRun run = CliRun.of(dir, Map.of(), "run", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--judge-threshold").contains("Example: evals run flow");
  }
}
