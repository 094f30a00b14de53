package dev.evals.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class RescoreCommandTest {

  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final String RESCORED =
      "results/2026-11-24T12-00-00.000Z-qu7e__flow__reference__rescored";

  @RegisterExtension
  static WireMockExtension provider =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  @BeforeEach
  void runAReferenceRunWithOneCaseFailingAValidator() throws IOException {
    String expected =
        Files.readString(PROJECT.resolve("fixtures/flow/expected/single_step_temperature.json"));
    new CasesRoot(dir.resolve("suite"))
        .caseFile(
            "flow",
            """
            - id: flow-celsius
              prompt: Convert `celsius` to Fahrenheit in one step `convert_temperature`.
              expected: fixtures/celsius.json
              validate:
                exactTopLevelStepIds: [convert_temperature]
              judgeChecklist: [converts correctly]
              toolExpect:
                requiredToolsUsed: [set_flow]
            - id: flow-wrong-step
              prompt: Convert `celsius` to Fahrenheit.
              expected: fixtures/celsius.json
              validate:
                exactTopLevelStepIds: [other_step]
              judgeChecklist: [converts correctly]
            """)
        .file("fixtures/celsius.json", expected);
    CliRun original =
        CliRun.of(
            dir,
            Map.of(),
            "run",
            "flow",
            "--model",
            "reference",
            "--cases-dir",
            "suite",
            "--runs",
            "2",
            "--concurrency",
            "1",
            "--output",
            "out/run.json");
    assertThat(original.exitCode()).as(original.err()).isZero();
  }

  @Test
  void reproducesTheValidatorVerdictsIntoANewRunWithoutCallingAModel() throws IOException {
    CliRun rescore = CliRun.of(dir, Map.of(), "rescore", "out/run", "--judge", "off");

    assertThat(rescore.exitCode()).as(rescore.err()).isZero();
    assertThat(verdicts(RESCORED)).isEqualTo(verdicts("out/run")).hasSize(4);
    assertThat(verdicts(RESCORED).toString())
        .contains("flow top-level step ids match exactly=false")
        .contains("tool set_flow was used=true");
    JsonNode manifest = json(RESCORED + "/run.json");
    assertThat(manifest.get("rescoredFrom").asText()).isEqualTo("out/run");
    assertThat(json(RESCORED + ".json").get("passedAttempts").asInt()).isEqualTo(2);
    assertThat(dir.resolve(RESCORED + "/flow-celsius/attempt-1/flow.json")).exists();
    assertThat(dir.resolve(RESCORED + "/report.html")).exists();
    assertThat(rescore.out()).contains("2/4 passed");
    assertThat(provider.getAllServeEvents()).isEmpty();
  }

  @Test
  void recordsTheCasesFolderItRescoredWith() throws IOException {
    Path moved = dir.resolve("moved");
    Files.createDirectories(moved.resolve("cases"));
    Files.createDirectories(moved.resolve("fixtures"));
    Files.copy(dir.resolve("suite/cases/flow.yaml"), moved.resolve("cases/flow.yaml"));
    Files.copy(dir.resolve("suite/fixtures/celsius.json"), moved.resolve("fixtures/celsius.json"));

    CliRun rescore =
        CliRun.of(dir, Map.of(), "rescore", "out/run", "--judge", "off", "--cases-dir", "moved");

    assertThat(rescore.exitCode()).as(rescore.err()).isZero();
    assertThat(json("out/run/run.json").get("casesRoot").asText()).isEqualTo("suite");
    assertThat(json(RESCORED + "/run.json").get("casesRoot").asText()).isEqualTo("moved");
  }

  @Test
  void withAJudgeAddsItsChecksAndCountsOnlyItsCost() throws IOException {
    stubJudge();
    Map<String, String> environment =
        Map.of("ANTHROPIC_BASE_URL", provider.baseUrl(), "ANTHROPIC_API_KEY", "sk-test");

    CliRun rescore =
        CliRun.of(
            dir,
            environment,
            "rescore",
            "out/run.json",
            "--judge-model",
            "sonnet",
            "--output",
            "out/rescored.json");

    assertThat(rescore.exitCode()).as(rescore.err()).isZero();
    provider.verify(4, postRequestedFor(urlEqualTo("/v1/messages")));
    JsonNode summary = json("out/rescored.json");
    JsonNode attempt = summary.get("cases").get(0).get("attempts").get(0);
    assertThat(attempt.get("judgeScore").asInt()).isEqualTo(92);
    assertThat(attempt.get("costUsd").decimalValue()).isZero();
    assertThat(attempt.get("tokenUsage").get("total").asInt()).isZero();
    assertThat(attempt.get("judgeCostUsd").decimalValue()).isPositive();
    assertThat(summary.get("totalCostUsd").decimalValue())
        .isEqualByComparingTo(
            attempt.get("judgeCostUsd").decimalValue().multiply(BigDecimal.valueOf(4)));
    assertThat(summary.get("judgeModel").asText()).startsWith("sonnet");
    List<String> original = verdicts("out/run");
    assertThat(verdicts("out/rescored"))
        .hasSize(4)
        .allSatisfy(v -> assertThat(original).anyMatch(o -> v.startsWith(o + ", judge succeeded")))
        .allSatisfy(
            v -> assertThat(v).endsWith("judge score >= 80=true, judge checklist met=true"));
    assertThat(dir.resolve("out/rescored/flow-celsius/attempt-1/judge.json")).exists();
  }

  @Test
  void refusesAPathThatIsNotARunInOneLine() {
    CliRun rescore = CliRun.of(dir, Map.of(), "rescore", "out/nowhere");

    assertThat(rescore.exitCode()).isEqualTo(2);
    assertThat(rescore.err().strip().lines()).hasSize(1);
    assertThat(rescore.err()).startsWith("error: not a run: out/nowhere");
    assertThat(dir.resolve("results")).doesNotExist();
  }

  @Test
  void keepsAnExecutionErrorOfTheOriginalAsOne() throws IOException {
    Path index = dir.resolve("out/run/index.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(index));
    String error =
        """
        {"caseId": "%s", "attempt": 1, "status": "execution_error", "passed": false,
         "checks": [{"name": "run succeeded", "passed": false, "detail": "provider error: 529"}],
         "durationMs": 5, "turns": 0, "toolCallCount": 0, "toolsUsed": [],
         "finalContextTokens": 0, "error": "provider error: 529"}
        """
            .formatted("flow-wrong-step")
            .replace("\n", " ");
    lines.add(error);
    Files.write(index, lines);

    CliRun rescore = CliRun.of(dir, Map.of(), "rescore", "out/run", "--judge", "off");

    assertThat(rescore.exitCode()).isEqualTo(3);
    JsonNode copied = null;
    for (String line : Files.readAllLines(dir.resolve(RESCORED + "/index.jsonl"))) {
      JsonNode record = Mappers.json().readTree(line);
      if (record.get("caseId").asText().equals("flow-wrong-step")
          && record.get("attempt").asInt() == 1) {
        copied = record;
      }
    }
    assertThat(copied).isNotNull();
    assertThat(copied.get("status").asText()).isEqualTo("execution_error");
    assertThat(copied.get("error").asText()).isEqualTo("provider error: 529");
    assertThat(copied.get("checks").get(0).get("detail").asText()).isEqualTo("provider error: 529");
  }

  /** {@code caseId#attempt check=passed} for every check of every attempt of a run. */
  private List<String> verdicts(String runFolder) throws IOException {
    List<String> verdicts = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve(runFolder + "/index.jsonl"))) {
      JsonNode record = Mappers.json().readTree(line);
      String key = record.get("caseId").asText() + "#" + record.get("attempt").asInt();
      List<String> checks = new ArrayList<>();
      record.get("checks").forEach(c -> checks.add(c.get("name").asText() + "=" + c.get("passed")));
      verdicts.add(key + " " + String.join(", ", checks));
    }
    return verdicts.stream().sorted().toList();
  }

  private JsonNode json(String relative) throws IOException {
    return Mappers.json().readTree(dir.resolve(relative).toFile());
  }

  private void stubJudge() {
    provider.stubFor(
        post(urlEqualTo("/v1/messages"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        ProviderAnswers.anthropicJudgement(92, "converts correctly", 1000, 50))));
  }
}
