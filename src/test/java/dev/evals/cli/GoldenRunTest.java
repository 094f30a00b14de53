package dev.evals.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.evals.testing.CasesRoot;
import dev.evals.testing.Golden;
import dev.evals.testing.ProviderAnswers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files a reference run writes, byte for byte: the summary JSON, the history line and both
 * terminal streams of a run with a fixed clock, seeded run-folder letters and a given commit. A
 * change of format shows as a diff of {@code src/test/resources/golden/}; {@code
 * -Devals.golden.update=true} rewrites the files.
 */
class GoldenRunTest {

  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @RegisterExtension
  static WireMockExtension judge =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  @BeforeEach
  void writeASuiteWithEveryOutcome() throws IOException {
    new CasesRoot(dir.resolve("suite"))
        .caseFile("flow", GoldenSuite.CASES)
        .file(
            "fixtures/complete.json",
            Files.readString(
                PROJECT.resolve("fixtures/flow/expected/single_step_temperature.json")))
        .file("fixtures/skeleton.json", GoldenSuite.SKELETON)
        .file(".env", "ANTHROPIC_API_KEY=sk-test\nANTHROPIC_BASE_URL=" + judge.baseUrl() + "\n");
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
  void referenceRunWritesTheGoldenSummaryHistoryLineAndTerminalOutput() throws IOException {
    CliRun run = GoldenSuite.run(dir);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    Golden.assertMatches(
        "reference-run/summary.json",
        GoldenSuite.normalize(Files.readString(dir.resolve("out/run.json")), dir));
    Golden.assertMatches(
        "reference-run/history.jsonl",
        GoldenSuite.normalize(Files.readString(dir.resolve("history/flow.jsonl")), dir));
    Golden.assertMatches("reference-run/stdout.txt", GoldenSuite.normalize(run.out(), dir));
    Golden.assertMatches("reference-run/stderr.txt", GoldenSuite.normalize(run.err(), dir));
  }
}
