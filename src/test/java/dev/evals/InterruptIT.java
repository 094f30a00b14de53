package dev.evals;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.evals.testing.ProviderAnswers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C (SIGINT) or a CI cancel (SIGTERM) on the packaged jar: finished attempts are kept, the
 * resume command is printed, and the exit code is 128 plus the signal's number.
 */
class InterruptIT {

  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @RegisterExtension
  static WireMockExtension slowModel =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path workDir;

  @ParameterizedTest(name = "SIG{0} exits {1}")
  @CsvSource({"INT, 130", "TERM, 143"})
  void aSignalKeepsFinishedAttemptsAndPrintsTheResumeCommand(String signal, int exitCode)
      throws Exception {
    slowModel.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .willReturn(
                aResponse()
                    .withFixedDelay(1500)
                    .withHeader("Content-Type", "application/json")
                    .withBody(ProviderAnswers.openAiText("No.", 5, 1))));
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                PROJECT.resolve("target/evals.jar").toString(),
                "run",
                "flow",
                "--model",
                "openai-compatible:slow",
                "--judge",
                "off",
                "--concurrency",
                "1",
                "--cases-dir",
                PROJECT.toString(),
                "--output",
                "run.json")
            .directory(workDir.toFile());
    builder.environment().put("OPENAI_COMPATIBLE_BASE_URL", slowModel.baseUrl() + "/v1");
    Process process = builder.start();
    process.getOutputStream().close();
    BufferedReader err =
        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    String first = err.readLine();
    assertThat(first).startsWith("Running 18 attempt(s)");

    new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String rest = err.lines().collect(Collectors.joining("\n"));
    assertThat(process.exitValue()).as(rest).isEqualTo(exitCode);
    assertThat(rest).contains("interrupted:").contains("./evals run --resume run.json");
    assertThat(workDir.resolve("run.json")).exists();
    // A signal that arrives before the first attempt ends leaves no index.jsonl at all.
    Path index = workDir.resolve("run/index.jsonl");
    List<String> recorded = Files.exists(index) ? Files.readAllLines(index) : List.of();
    assertThat(recorded.size()).isLessThan(18);
  }
}
