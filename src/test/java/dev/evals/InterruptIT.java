package dev.evals;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.evals.testing.ProviderAnswers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C (SIGINT) or a CI cancel (SIGTERM) on the packaged jar: finished attempts are kept, the
 * resume command is printed, and the exit code is 128 plus the signal's number. A first Ctrl-C says
 * at once that the attempts in flight will finish; a second one quits without waiting for them.
 */
class InterruptIT {

  private static final Path PROJECT = Path.of("").toAbsolutePath();

  /** One attempt at a time against the slow stand-in, so a signal finds attempts in flight. */
  private static final String[] SLOW_RUN = {
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
    "run.json"
  };

  @RegisterExtension
  static WireMockExtension slowModel =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path workDir;

  @Test
  void aSecondCtrlCQuitsAtOnceKeepingEveryFinishedAttemptAndTheRunResumes() throws Exception {
    // The first answer is quick, every later one would keep an attempt in flight for a minute.
    slowModel.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .inScenario("answers")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("slow")
            .willReturn(answer(0)));
    slowModel.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .inScenario("answers")
            .whenScenarioStateIs("slow")
            .willReturn(answer(60_000)));
    Process process = evals(SLOW_RUN);
    BufferedReader err = stderr(process);
    assertThat(err.readLine()).startsWith("Running 18 attempt(s)");
    assertThat(err.readLine()).startsWith("[1/18] FAIL ");

    signal("INT", process);
    assertThat(err.readLine())
        .isEqualTo("stopping: 1 attempt in flight will finish (Ctrl-C again to quit now)");
    signal("INT", process);

    assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("quits without the minute").isTrue();
    String rest = err.lines().collect(Collectors.joining("\n"));
    assertThat(process.exitValue()).as(rest).isEqualTo(130);
    assertThat(rest)
        .contains("quitting now: 1 finished attempt(s) are kept in run; 1 in flight will run again")
        .contains("./evals run --resume run.json");
    assertThat(Files.readAllLines(workDir.resolve("run/index.jsonl"))).hasSize(1);

    slowModel.resetAll();
    slowModel.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(answer(0)));
    Process resumed = evals("run", "--resume", "run.json");
    BufferedReader resumedErr = stderr(resumed);
    String resumedText = resumedErr.lines().collect(Collectors.joining("\n"));
    assertThat(resumed.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(resumed.exitValue()).as(resumedText).isZero();
    assertThat(resumedText).startsWith("Continuing with 17 attempt(s)");
    assertThat(Files.readAllLines(workDir.resolve("run/index.jsonl"))).hasSize(18);
  }

  private static ResponseDefinitionBuilder answer(int delayMillis) {
    return aResponse()
        .withFixedDelay(delayMillis)
        .withHeader("Content-Type", "application/json")
        .withBody(ProviderAnswers.openAiText("No.", 5, 1));
  }

  private Process evals(String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                PROJECT.resolve("target/evals.jar").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().put("OPENAI_COMPATIBLE_BASE_URL", slowModel.baseUrl() + "/v1");
    Process process = builder.start();
    process.getOutputStream().close();
    return process;
  }

  private static BufferedReader stderr(Process process) {
    return new BufferedReader(
        new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
  }

  private static void signal(String name, Process process) throws Exception {
    new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
  }

  @ParameterizedTest(name = "SIG{0} exits {1}")
  @CsvSource({"INT, 130", "TERM, 143"})
  void aSignalKeepsFinishedAttemptsAndPrintsTheResumeCommand(String signal, int exitCode)
      throws Exception {
    slowModel.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(answer(1500)));
    Process process = evals(SLOW_RUN);
    BufferedReader err = stderr(process);
    String first = err.readLine();
    assertThat(first).startsWith("Running 18 attempt(s)");

    signal(signal, process);

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
