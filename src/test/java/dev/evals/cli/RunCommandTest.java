package dev.evals.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

  private static final String SECRET = "sk-test-never-written-anywhere";
  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @RegisterExtension
  static WireMockExtension provider =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;
  private Path cases;

  @BeforeEach
  void writeASuite() throws IOException {
    cases = dir.resolve("suite");
    String expected =
        Files.readString(PROJECT.resolve("fixtures/flow/expected/single_step_temperature.json"));
    new CasesRoot(cases)
        .caseFile(
            "flow",
            """
            - id: flow-celsius
              prompt: Convert `celsius` to Fahrenheit in one step `convert_temperature`.
              expected: fixtures/flow/expected/celsius.json
              validate:
                exactTopLevelStepIds: [convert_temperature]
              judgeChecklist: [converts correctly]
              toolExpect:
                requiredToolsUsed: [set_flow]
            """)
        .file("fixtures/flow/expected/celsius.json", expected);
  }

  private JsonNode summaryOf(String output) throws IOException {
    return Mappers.json().readTree(dir.resolve(output).toFile());
  }

  @Test
  void referenceRunPassesAndWritesSummaryArtifactsAndIndex() throws IOException {
    CliRun run =
        CliRun.of(dir, Map.of(), "run", "flow", "--model", "reference", "--cases-dir", "suite");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).contains("[1/1] PASS  flow-celsius #1");
    assertThat(run.out())
        .contains("flow suite, reference: 1/1 passed (100.0%)")
        .contains("judge: off");
    Path summary = dir.resolve("results/2026-11-24T12-00-00.000Z-qu7e__flow__reference.json");
    Path folder = dir.resolve("results/2026-11-24T12-00-00.000Z-qu7e__flow__reference");
    assertThat(summary).exists();
    assertThat(folder.resolve("run.json")).exists();
    assertThat(Files.readAllLines(folder.resolve("index.jsonl"))).hasSize(1);
    assertThat(folder.resolve("flow-celsius/attempt-1/flow.json")).exists();
    assertThat(folder.resolve("flow-celsius/attempt-1/transcript.json")).exists();
    assertThat(folder.resolve("flow-celsius/attempt-1/checks.json")).exists();
    JsonNode json = Mappers.json().readTree(summary.toFile());
    assertThat(json.fieldNames())
        .toIterable()
        .contains(
            "version",
            "mode",
            "createdAt",
            "gitSha",
            "runs",
            "runModel",
            "judgeModel",
            "caseCount",
            "attemptCount",
            "passedAttempts",
            "errorAttempts",
            "passRate",
            "averageDurationMs",
            "averagePassedDurationMs",
            "totalTokenUsage",
            "averageTokenUsagePerAttempt",
            "totalCostUsd",
            "cases");
    assertThat(json.get("passRate").asDouble()).isEqualTo(1.0);
  }

  @Test
  void recordsAFullSuiteRunInHistory() throws IOException {
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
            "--record");

    assertThat(run.exitCode()).isZero();
    List<String> lines = Files.readAllLines(dir.resolve("history/flow.jsonl"));
    assertThat(lines).hasSize(1);
    JsonNode line = Mappers.json().readTree(lines.get(0));
    assertThat(line.get("passRate").asDouble()).isEqualTo(1.0);
    assertThat(line.get("cases").get(0).get("id").asText()).isEqualTo("flow-celsius");
    assertThat(run.out()).contains("history/flow.jsonl");
  }

  @Test
  void exitsOneBelowTheMinimumPassRate() throws IOException {
    Files.writeString(
        cases.resolve("cases/flow.yaml"),
        Files.readString(cases.resolve("cases/flow.yaml"))
            .replace("[convert_temperature]", "[other_step]"));

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
            "--min-pass-rate",
            "0.9");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("0/1 passed").contains("flow-celsius: 1 of 1 attempt failed");
  }

  @Test
  void drivesARealProviderAndJudgeAndNeverWritesTheKey() throws IOException {
    Files.writeString(
        cases.resolve(".env"),
        "OPENAI_COMPATIBLE_BASE_URL="
            + provider.baseUrl()
            + "/v1\n"
            + "ANTHROPIC_BASE_URL="
            + provider.baseUrl()
            + "\n"
            + "ANTHROPIC_API_KEY="
            + SECRET
            + "\n");
    stubModelThatSetsTheFlow();
    stubJudge(92);

    CliRun run =
        CliRun.of(
            dir,
            Map.of(),
            "run",
            "flow",
            "--model",
            "openai-compatible:llama3",
            "--judge-model",
            "sonnet",
            "--cases-dir",
            "suite",
            "--output",
            "out/run.json",
            "--verbose");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .contains("[flow-celsius#1] -> set_flow {")
        .contains("[flow-celsius#1] The flow is ready.")
        .doesNotContain(SECRET);
    JsonNode attempt = summaryOf("out/run.json").get("cases").get(0).get("attempts").get(0);
    assertThat(attempt.get("passed").asBoolean()).isTrue();
    assertThat(attempt.get("judgeScore").asInt()).isEqualTo(92);
    assertThat(attempt.get("tokenUsage").get("total").asInt()).isEqualTo(180);
    assertThat(attempt.get("judgeTokenUsage").get("prompt").asInt()).isEqualTo(1000);
    assertThat(dir.resolve("out/run/flow-celsius/attempt-1/judge.json")).exists();
    provider.verify(
        postRequestedFor(urlEqualTo("/v1/messages"))
            .withRequestBody(
                matchingJsonPath(
                    // Sonnet 5.5 rejects a tool choice naming a tool; the prompt asks for it.
                    "$.tool_choice.type",
                    com.github.tomakehurst.wiremock.client.WireMock.equalTo("auto"))));
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file :
          files.filter(Files::isRegularFile).filter(f -> !f.endsWith(".env")).toList()) {
        assertThat(Files.readString(file)).as(file.toString()).doesNotContain(SECRET);
      }
    }
  }

  @Test
  void exitsThreeWhenAttemptsEndInExecutionErrors() throws IOException {
    Files.writeString(
        cases.resolve(".env"), "OPENAI_COMPATIBLE_BASE_URL=" + provider.baseUrl() + "/v1\n");
    provider.stubFor(
        post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(503)));

    CliRun run =
        CliRun.of(
            dir,
            Map.of(),
            "run",
            "flow",
            "--model",
            "openai-compatible:llama3",
            "--judge",
            "off",
            "--max-retries",
            "0",
            "--min-pass-rate",
            "1",
            "--cases-dir",
            "suite",
            "--output",
            "out/run.json");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("ERROR flow-celsius #1");
    JsonNode summary = summaryOf("out/run.json");
    assertThat(summary.get("errorAttempts").asInt()).isEqualTo(1);
    assertThat(summary.get("passedAttempts").asInt()).isZero();
    assertThat(summary.get("scoredAttempts").asInt()).isZero();
  }

  @Test
  void replacesTheSystemPromptWithAFile() throws IOException {
    Files.writeString(dir.resolve("prompt.md"), "You are our production flow assistant.");

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
            "--system-prompt",
            "prompt.md",
            "--output",
            "out/run.json");

    assertThat(run.exitCode()).isZero();
    JsonNode transcript =
        Mappers.json()
            .readTree(dir.resolve("out/run/flow-celsius/attempt-1/transcript.json").toFile());
    assertThat(transcript.get("systemPrompt").asText())
        .isEqualTo("You are our production flow assistant.");
  }

  @Test
  void runsSeveralModelsAndPrintsThemSideBySide() throws IOException {
    Files.writeString(
        cases.resolve(".env"), "OPENAI_COMPATIBLE_BASE_URL=" + provider.baseUrl() + "/v1\n");
    stubModelThatSetsTheFlow();

    CliRun run =
        CliRun.of(
            dir,
            Map.of(),
            "run",
            "flow",
            "--models",
            "reference,ref,openai-compatible:llama3",
            "--judge",
            "off",
            "--cases-dir",
            "suite",
            "--output",
            "out/run.json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern("model\\s+pass rate\\s+95% interval\\s+pass@k\\s+pass\\^k\\s+passed")
        .containsPattern("reference\\s+100.0%\\s+20.7–100.0%\\s+100.0%\\s+100.0%\\s+1/1")
        .containsPattern("openai-compatible:llama3 \\(openai-compatible:llama3\\)\\s+100.0%");
    assertThat(dir.resolve("out/run__reference.json")).exists();
    assertThat(dir.resolve("out/run__openai-compatible_llama3.json")).exists();
  }

  private void stubModelThatSetsTheFlow() throws IOException {
    ProviderAnswers.stubOpenAiModelSettingTheFlow(
        provider,
        Mappers.json().readTree(cases.resolve("fixtures/flow/expected/celsius.json").toFile()));
  }

  private void stubJudge(int score) {
    provider.stubFor(
        post(urlEqualTo("/v1/messages"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        ProviderAnswers.anthropicJudgement(
                            score, "converts correctly", 1000, 50))));
  }
}
