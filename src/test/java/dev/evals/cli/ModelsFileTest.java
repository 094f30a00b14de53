package dev.evals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.testing.CasesRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A models.yaml in the cases root, or --models-file, over the built-in registry. */
class ModelsFileTest {

  private static final Path PROJECT = Path.of("").toAbsolutePath();

  private static final String OVERLAY =
      """
      # a house model and a new price for haiku
      - alias: house
        label: House Llama
        provider: openai-compatible
        modelId: llama3.1-70b
        price: {input: 0.5, output: 1.5}
      - alias: HAIKU
        label: Claude Haiku, negotiated
        provider: anthropic
        modelId: claude-haiku-4-5-20251001
        spellings: [haiku-4.5]
        price: {input: 0.8, output: 4}
      """;

  @TempDir Path dir;

  @BeforeEach
  void writeASuite() throws IOException {
    new CasesRoot(dir.resolve("suite"))
        .caseFile(
            "flow",
            """
            - id: flow-celsius
              prompt: Convert `celsius` to Fahrenheit in one step `convert_temperature`.
              expected: fixtures/flow/expected/celsius.json
            """)
        .file(
            "fixtures/flow/expected/celsius.json",
            Files.readString(
                PROJECT.resolve("fixtures/flow/expected/single_step_temperature.json")));
  }

  @Test
  void theCasesRootsModelsFileAddsAliasesAndReplacesPrices() throws IOException {
    Files.writeString(dir.resolve("suite/models.yaml"), OVERLAY);

    CliRun models = CliRun.of(dir, Map.of(), "models", "--cases-dir", "suite");

    assertThat(models.exitCode()).as(models.err()).isZero();
    assertThat(models.out())
        .containsPattern("house +House Llama +openai-compatible +llama3.1-70b +0.5/1.5 cache")
        .containsPattern(
            "HAIKU +Claude Haiku, negotiated +anthropic +claude-haiku-4-5-20251001 +0.8/4")
        .containsPattern("sonnet +Claude Sonnet");
    assertThat(models.out()).doesNotContain("Claude Haiku 5.5");
  }

  @Test
  void modelsFileNamesAnotherFile() throws IOException {
    Files.writeString(dir.resolve("prices.yaml"), OVERLAY);

    CliRun models = CliRun.of(dir, Map.of(), "models", "--models-file", "prices.yaml");

    assertThat(models.exitCode()).isZero();
    assertThat(models.out()).contains("House Llama");
  }

  @Test
  void aBadModelsFileIsBadInputNamingFileAndLine() throws IOException {
    Files.writeString(
        dir.resolve("suite/models.yaml"),
        """
        - alias: house
          provider: openai-compatible
          modelId: llama
        - alias: broken
          provider: carrier-pigeon
          modelId: coo
        """);

    CliRun run =
        CliRun.of(dir, Map.of(), "run", "flow", "--model", "reference", "--cases-dir", "suite");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: suite/models.yaml:5: ").contains("carrier-pigeon");
    assertThat(run.err().lines()).hasSize(1);
    assertThat(dir.resolve("results")).doesNotExist();
  }

  @Test
  void aMissingModelsFileIsBadInput() {
    CliRun run = CliRun.of(dir, Map.of(), "models", "--models-file", "nope.yaml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("error: --models-file: no such file: nope.yaml\n");
  }

  @Test
  void aBudgetSaysAtStartThatItCannotApplyToAModelPricedAtZero() {
    CliRun run =
        CliRun.of(
            dir,
            Map.of(),
            "run",
            "flow",
            "--model",
            "reference",
            "--cases-dir",
            "suite",
            "--budget-usd",
            "1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .startsWith(
            "warning: --budget-usd 1 cannot apply: reference is priced at zero and the judge is"
                + " off, so nothing counts towards it");
  }
}
