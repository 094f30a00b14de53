package dev.evals.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContinuationTest {

  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @RegisterExtension
  static WireMockExtension provider =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;
  private Path index;

  @BeforeEach
  void writeASuiteOfThreeCases() throws IOException {
    String expected =
        Files.readString(PROJECT.resolve("fixtures/flow/expected/single_step_temperature.json"));
    StringBuilder yaml = new StringBuilder();
    for (String id : List.of("flow-a", "flow-b", "flow-c")) {
      yaml.append("- id: ")
          .append(id)
          .append("\n")
          .append("  prompt: Convert celsius.\n")
          .append("  expected: fixtures/celsius.json\n")
          .append("  validate:\n    exactTopLevelStepIds: [convert_temperature]\n");
    }
    new CasesRoot(dir).caseFile("flow", yaml.toString()).file("fixtures/celsius.json", expected);
    index = dir.resolve("out/run/index.jsonl");
  }

  private CliRun evals(String... args) {
    return CliRun.of(dir, Map.of(), args);
  }

  private CliRun referenceRun(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "flow",
                "--model",
                "reference",
                "--concurrency",
                "1",
                "--output",
                "out/run.json"));
    args.addAll(List.of(extra));
    return evals(args.toArray(String[]::new));
  }

  private JsonNode summary() throws IOException {
    return Mappers.json().readTree(dir.resolve("out/run.json").toFile());
  }

  private void keepFirstIndexLines(int count) throws IOException {
    Files.write(index, Files.readAllLines(index).subList(0, count));
  }

  @Test
  void resumingAKilledRunRecordsEachAttemptExactlyOnce() throws IOException {
    assertThat(referenceRun("--runs", "2").exitCode()).isZero();
    keepFirstIndexLines(2);

    CliRun resumed = evals("run", "--resume", "out/run.json");

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains("Continuing with 4 attempt(s)");
    List<String> keys = Files.readAllLines(index).stream().map(this::key).sorted().toList();
    assertThat(keys)
        .containsExactly("flow-a#1", "flow-a#2", "flow-b#1", "flow-b#2", "flow-c#1", "flow-c#2");
    assertThat(summary().get("attemptCount").asInt()).isEqualTo(6);
    assertThat(summary().get("notRunAttempts")).isEmpty();
  }

  @Test
  void resumingACompleteRunRunsNothing() {
    referenceRun();

    CliRun resumed = evals("run", "--resume", "out/run");

    assertThat(resumed.exitCode()).isZero();
    assertThat(resumed.err()).contains("Continuing with 0 attempt(s)");
  }

  @Test
  void rerunFailedRunsOnlyTheFailedAttemptsAndTheNewestRecordWins() throws IOException {
    Path cases = dir.resolve("cases/flow.yaml");
    String original = Files.readString(cases);
    Files.writeString(
        cases, original.replaceFirst("(?s)(flow-b.*?)\\[convert_temperature]", "$1[other]"));
    assertThat(referenceRun().exitCode()).isZero();
    assertThat(summary().get("passedAttempts").asInt()).isEqualTo(2);
    Files.writeString(cases, original);

    CliRun refused = evals("run", "--rerun-failed", "out/run.json");
    CliRun rerun = evals("run", "--rerun-failed", "out/run.json", "--force");

    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err())
        .contains("cases/flow.yaml changed since the run started")
        .contains("--force");
    assertThat(rerun.exitCode()).as(rerun.err()).isZero();
    assertThat(Files.readAllLines(index).stream().map(this::key))
        .containsExactly("flow-a#1", "flow-b#1", "flow-c#1", "flow-b#1");
    assertThat(summary().get("passedAttempts").asInt()).isEqualTo(3);
  }

  @Test
  void retryErrorsRunsOnlyTheExecutionErrors() throws IOException {
    referenceRun();
    List<String> lines = new ArrayList<>(Files.readAllLines(index));
    lines.set(
        2,
        lines
            .get(2)
            .replace(
                "\"status\":\"ok\",\"passed\":true",
                "\"status\":\"execution_error\",\"passed\":false"));
    Files.write(index, lines);
    assertThat(key(lines.get(2))).isEqualTo("flow-c#1");

    CliRun retried = evals("run", "--retry-errors", "out/run.json");

    assertThat(retried.exitCode()).as(retried.err()).isZero();
    assertThat(Files.readAllLines(index).stream().map(this::key))
        .containsExactly("flow-a#1", "flow-b#1", "flow-c#1", "flow-c#1");
    assertThat(summary().get("errorAttempts").asInt()).isZero();
  }

  @Test
  void theBudgetStopsNewAttemptsAndResumeFinishesTheRunAndRecordsIt() throws IOException {
    Files.writeString(
        dir.resolve(".env"),
        "OPENAI_API_KEY=sk-test\nOPENAI_BASE_URL=" + provider.baseUrl() + "/v1\n");
    provider.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(ProviderAnswers.openAiText("No.", 200, 50))));

    CliRun stopped =
        evals(
            "run",
            "flow",
            "--model",
            "4o",
            "--judge",
            "off",
            "--concurrency",
            "1",
            "--budget-usd",
            "0.0015",
            "--output",
            "out/run.json",
            "--record");

    assertThat(stopped.exitCode()).isEqualTo(3);
    assertThat(stopped.err())
        .contains("budget of $0.0015 reached: 1 attempt(s) not started")
        .contains("./evals run --resume out/run.json --record");
    assertThat(summary().get("attemptCount").asInt()).isEqualTo(2);
    assertThat(summary().get("notRunAttempts").get(0).asText()).isEqualTo("flow-c#1");
    assertThat(dir.resolve("history/flow.jsonl")).doesNotExist();

    CliRun resumed = evals("run", "--resume", "out/run.json", "--record");

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(summary().get("attemptCount").asInt()).isEqualTo(3);
    assertThat(Files.readAllLines(dir.resolve("history/flow.jsonl"))).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "run --resume out/run.json --rerun-failed out/run.json | exclude each other",
        "run --resume out/run.json flow-a | drop the case ids flow-a",
        "run script --resume out/run.json | continues a flow run; drop the mode 'script'",
        "run --resume out/run.json --model opus | it cannot switch to opus",
        "run --resume out/run.json --runs 3 | uses the settings stored in run.json; drop --runs",
        "run --resume out/nothing.json | is not a run",
      })
  void rejectsContinuationsThatCannotWork(String args, String message) {
    referenceRun();

    CliRun run = evals(args.strip().split(" "));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(message);
  }

  private String key(String line) {
    try {
      JsonNode record = Mappers.json().readTree(line);
      return record.get("caseId").asText() + "#" + record.get("attempt").asInt();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
