package dev.evals.cli;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.evals.json.Mappers;
import dev.evals.testing.CasesRoot;
import dev.evals.testing.ProviderAnswers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --execution-only}, as Windmill's ai_evals has it: only the model's loop must complete, so
 * an answer its validators and tool expectations reject still passes, and nothing else is asked.
 */
class ExecutionOnlyTest {

  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @RegisterExtension
  static WireMockExtension provider =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @TempDir Path dir;

  @BeforeEach
  void writeASuiteTheReferenceFails() throws IOException {
    String expected =
        Files.readString(PROJECT.resolve("fixtures/flow/expected/single_step_temperature.json"));
    new CasesRoot(dir.resolve("suite"))
        .caseFile(
            "flow",
            """
            - id: flow-celsius
              prompt: Convert `celsius` to Fahrenheit in one step `convert_temperature`.
              expected: fixtures/flow/expected/celsius.json
              validate:
                exactTopLevelStepIds: [a_step_the_answer_does_not_have]
              toolExpect:
                requiredToolsUsed: [a_tool_nobody_calls]
            """)
        .file("fixtures/flow/expected/celsius.json", expected)
        .file(".env", "OPENAI_COMPATIBLE_BASE_URL=" + provider.baseUrl() + "/v1\n");
  }

  /** A model that sets the expected flow, then says it is done. */
  private void stubModelThatSetsTheFlow() throws IOException {
    provider.resetAll();
    ProviderAnswers.stubOpenAiModelSettingTheFlow(
        provider,
        Mappers.json().readTree(dir.resolve("suite/fixtures/flow/expected/celsius.json").toFile()));
  }

  @Test
  void anAnswerTheValidatorsRejectPassesWithOnlyTheLoopChecked() throws IOException {
    stubModelThatSetsTheFlow();
    CliRun scored =
        run(
            "run",
            "flow",
            "--model",
            "openai-compatible:llama3",
            "--judge",
            "off",
            "--cases-dir",
            "suite");
    assertThat(scored.err())
        .as("the same answer, scored")
        .contains("FAIL  flow-celsius #1")
        .contains("flow top-level step ids match exactly");

    stubModelThatSetsTheFlow();
    CliRun run =
        run(
            "run",
            "flow",
            "--model",
            "openai-compatible:llama3",
            "--cases-dir",
            "suite",
            "--execution-only",
            "--output",
            "results/execution-only.json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .contains("execution only (no validators, no judge)")
        .contains("PASS  flow-celsius #1");
    JsonNode record = onlyRecord(dir.resolve("results/execution-only"));
    assertThat(record.path("passed").asBoolean()).isTrue();
    List<String> checks = new ArrayList<>();
    record.path("checks").forEach(check -> checks.add(check.path("name").asText()));
    assertThat(checks).containsExactly("run succeeded");
    JsonNode summary = Mappers.json().readTree(dir.resolve("results/execution-only.json").toFile());
    assertThat(summary.path("judge").asText()).contains("execution-only");
    JsonNode manifest =
        Mappers.json().readTree(dir.resolve("results/execution-only/run.json").toFile());
    assertThat(manifest.path("executionOnly").asBoolean()).isTrue();
  }

  @Test
  void refusesToRecordAnExecutionOnlyRunInHistory() {
    CliRun run =
        run(
            "run",
            "flow",
            "--model",
            "reference",
            "--cases-dir",
            "suite",
            "--execution-only",
            "--record");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("--record records pass rates, and an --execution-only run has none");
    assertThat(dir.resolve("history")).doesNotExist();
  }

  @Test
  void refusesAJudgeModelBesideExecutionOnly() {
    CliRun run =
        run(
            "run",
            "flow",
            "--model",
            "reference",
            "--cases-dir",
            "suite",
            "--execution-only",
            "--judge-model",
            "sonnet");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--execution-only runs no judge: drop --judge-model");
  }

  private CliRun run(String... args) {
    return CliRun.of(dir, Map.of(), args);
  }

  private static JsonNode onlyRecord(Path runFolder) throws IOException {
    try (Stream<String> lines = Files.lines(runFolder.resolve("index.jsonl"))) {
      List<String> all = lines.filter(line -> !line.isBlank()).toList();
      assertThat(all).hasSize(1);
      return Mappers.json().readTree(all.get(0));
    }
  }
}
