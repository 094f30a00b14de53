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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ReferenceStatusTest {

  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @RegisterExtension
  static WireMockExtension judge =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  @BeforeEach
  void writeCases() throws IOException {
    String complete =
        Files.readString(PROJECT.resolve("fixtures/flow/expected/single_step_temperature.json"));
    String skeleton =
        """
        {"value": {"modules": [{"id": "convert_temperature", "value": {"type": "rawscript",
          "language": "bun", "content": "", "input_transforms": {}}}]},
         "schema": {"type": "object", "properties": {"celsius": {"type": "number"}}}}
        """;
    new CasesRoot(dir)
        .caseFile(
            "flow",
            """
            - id: flow-complete
              prompt: Convert celsius.
              expected: fixtures/complete.json
              judgeChecklist: [converts]
            - id: flow-no-expected
              prompt: Convert celsius.
            - id: flow-skeleton
              prompt: Convert celsius.
              expected: fixtures/skeleton.json
            - id: flow-skip-judge
              prompt: Convert celsius.
              expected: fixtures/complete.json
              skipJudge: true
            """)
        .file("fixtures/complete.json", complete)
        .file("fixtures/skeleton.json", skeleton)
        .file(".env", "ANTHROPIC_API_KEY=sk-test\nANTHROPIC_BASE_URL=" + judge.baseUrl() + "\n");
    judge.stubFor(
        post(urlEqualTo("/v1/messages"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(ProviderAnswers.anthropicJudgement(95, "converts", 10, 5))));
  }

  @Test
  void keepsMissingAndSkeletonReferencesOutOfThePassRate() throws IOException {
    CliRun run =
        CliRun.of(
            dir,
            Map.of(),
            "run",
            "flow",
            "--model",
            "reference",
            "--judge-model",
            "sonnet",
            "--output",
            "run.json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode summary = Mappers.json().readTree(dir.resolve("run.json").toFile());
    assertThat(summary.get("passedAttempts").asInt()).isEqualTo(2);
    assertThat(summary.get("scoredAttempts").asInt()).isEqualTo(2);
    assertThat(summary.get("passRate").asDouble()).isEqualTo(1.0);
    assertThat(summary.get("noReferenceCaseIds").get(0).asText()).isEqualTo("flow-no-expected");
    assertThat(summary.get("incompleteReferenceCaseIds").get(0).asText())
        .isEqualTo("flow-skeleton");
    assertThat(summary.get("judgeSkippedCaseIds").get(0).asText()).isEqualTo("flow-skip-judge");
    assertThat(run.err())
        .contains("NOREF flow-no-expected #1")
        .contains("SKELETON flow-skeleton #1");
    assertThat(run.out())
        .contains("no_reference (no expected solution, not in the pass rate): flow-no-expected")
        .contains("incomplete_reference (not in the pass rate)")
        .contains("flow has no placeholder code")
        .contains("judge skipped (skipJudge): flow-skip-judge");
  }

  @Test
  void neverAsksTheJudgeAboutACaseThatSkipsIt() throws IOException {
    CliRun.of(
        dir,
        Map.of(),
        "run",
        "flow",
        "flow-skip-judge",
        "flow-complete",
        "--model",
        "reference",
        "--judge-model",
        "sonnet",
        "--output",
        "run.json");

    judge.verify(1, postRequestedFor(urlEqualTo("/v1/messages")));
    JsonNode attempts =
        Mappers.json()
            .readTree(dir.resolve("run.json").toFile())
            .get("cases")
            .get(1)
            .get("attempts");
    assertThat(attempts.get(0).get("checks").toString()).doesNotContain("judge");
  }
}
