package dev.evals.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.evals.json.Mappers;
import dev.evals.testing.Golden;
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

/**
 * A run folder written by the version before the records were nested ({@code
 * src/test/resources/runs/before-nesting}: the golden suite, interrupted before its last attempt)
 * still resumes, reports and rescores.
 */
class RunFolderBeforeNestingTest {

  private static final Path STORED = Path.of("src/test/resources/runs/before-nesting");

  /** The build of this tool that wrote the stored folder, which its summary names as its tool. */
  private static final String WRITTEN_BY = "9cd35273b2fce3a871aa36c07bdafedec67204de";

  @RegisterExtension
  static WireMockExtension judge =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  @BeforeEach
  void copyTheStoredRun() throws IOException {
    try (Stream<Path> files = Files.walk(STORED)) {
      for (Path source : files.toList()) {
        Path target = dir.resolve(STORED.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.writeString(target, Files.readString(source).replace("<dir>", dir.toString()));
        }
      }
    }
    Files.createDirectories(dir.resolve("out"));
    Files.move(dir.resolve("run"), dir.resolve("out/run"));
    Files.writeString(
        dir.resolve(".env"),
        "ANTHROPIC_API_KEY=sk-test\nANTHROPIC_BASE_URL=" + judge.baseUrl() + "\n");
    judge.stubFor(
        post(urlEqualTo("/v1/messages"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(ProviderAnswers.anthropicJudgement(95, "converts", 1200, 80))));
    judge.stubFor(
        post(urlEqualTo("/v1/messages"))
            .withRequestBody(containing("judge-breaks"))
            .willReturn(aResponse().withStatus(400).withBody("{\"error\":{\"message\":\"no\"}}")));
  }

  @Test
  void resumesTheMissingAttemptIntoTheGoldenSummary() throws IOException {
    CliRun resumed = evals("run", "--resume", "out/run");

    assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(3);
    assertThat(resumed.err()).contains("Continuing with 1 attempt(s)");
    assertThat(Files.readAllLines(dir.resolve("out/run/index.jsonl"))).hasSize(12);
    Golden.assertMatches(
        "reference-run/summary.json",
        GoldenSuite.normalize(Files.readString(dir.resolve("out/run.json")), dir)
            .replace("\"" + WRITTEN_BY + "\"", "\"<tool-commit>\""));
  }

  @Test
  void reportsTheStoredAttempts() throws IOException {
    CliRun report = evals("report", "out/run");

    assertThat(report.exitCode()).as(report.err()).isZero();
    JsonNode summary = Mappers.json().readTree(dir.resolve("out/run.json").toFile());
    assertThat(summary.get("attemptCount").asInt()).isEqualTo(11);
    assertThat(summary.get("notRunAttempts").toString()).isEqualTo("[\"flow-skip-judge#2\"]");
    assertThat(summary.get("passedAttempts").asInt()).isEqualTo(3);
    assertThat(summary.get("errorAttempts").asInt()).isEqualTo(2);
    assertThat(summary.get("judgeCostUsd").decimalValue()).isEqualByComparingTo("0.0192");
  }

  @Test
  void rescoresTheStoredAnswersWithTheJudge() throws IOException {
    CliRun rescore =
        evals("rescore", "out/run", "--judge-model", "sonnet", "--output", "out/rescored.json");

    assertThat(rescore.exitCode()).as(rescore.err()).isEqualTo(3);
    List<String> lines = Files.readAllLines(dir.resolve("out/rescored/index.jsonl"));
    assertThat(lines).hasSize(11);
    JsonNode summary = Mappers.json().readTree(dir.resolve("out/rescored.json").toFile());
    assertThat(summary.get("passedAttempts").asInt()).isEqualTo(3);
    assertThat(summary.get("failedCaseIds").toString()).isEqualTo("[\"flow-bad\"]");
    assertThat(summary.get("erroredCaseIds").toString()).isEqualTo("[\"flow-judge-breaks\"]");
    assertThat(summary.get("incompleteReferenceCaseIds").toString())
        .isEqualTo("[\"flow-skeleton\"]");
  }

  private CliRun evals(String... args) {
    return CliRun.of(dir, Map.of("GITHUB_SHA", GoldenSuite.COMMIT), args);
  }
}
