package dev.evals.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
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

/** {@code --request-timeout}: how long one provider request may take. */
class RequestTimeoutTest {

  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @RegisterExtension
  static WireMockExtension provider =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  @BeforeEach
  void aProviderThatAnswersAfterTwoSeconds() throws IOException {
    String expected =
        Files.readString(PROJECT.resolve("fixtures/flow/expected/single_step_temperature.json"));
    new CasesRoot(dir)
        .caseFile("flow", BadInputTest.caseFile("flow-a"))
        .file("fixtures/celsius.json", expected)
        .file(".env", "OPENAI_COMPATIBLE_BASE_URL=" + provider.baseUrl() + "/v1\n");
    provider.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .willReturn(
                aResponse()
                    .withFixedDelay(2000)
                    .withHeader("Content-Type", "application/json")
                    .withBody(ProviderAnswers.openAiText("No.", 5, 1))));
  }

  private CliRun run(String seconds) {
    return CliRun.of(
        dir,
        Map.of(),
        "run",
        "flow",
        "--model",
        "openai-compatible:slow",
        "--judge",
        "off",
        "--max-retries",
        "0",
        "--request-timeout",
        seconds,
        "--output",
        "out/run.json");
  }

  @Test
  void aRequestSlowerThanTheTimeoutEndsTheAttemptAsAnExecutionError() throws IOException {
    CliRun run = run("1");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    assertThat(run.err()).contains("ERROR flow-a #1");
    assertThat(Files.readString(dir.resolve("out/run/index.jsonl")))
        .contains("\"status\":\"execution_error\"")
        .contains("timeout");
  }

  @Test
  void aLongerTimeoutWaitsForTheAnswer() {
    CliRun run = run("30");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("FAIL  flow-a #1");
    provider.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
  }
}
