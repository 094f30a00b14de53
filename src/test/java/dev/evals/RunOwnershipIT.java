package dev.evals;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.evals.json.Mappers;
import dev.evals.testing.ProviderAnswers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real processes of the packaged jar on one run folder at once: exactly one executes it, the
 * other is refused with exit 2, and no attempt is recorded twice.
 */
class RunOwnershipIT {

  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @RegisterExtension
  static WireMockExtension slowModel =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path workDir;

  @BeforeEach
  void aModelThatTakesItsTime() {
    slowModel.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .willReturn(
                aResponse()
                    .withFixedDelay(1500)
                    .withHeader("Content-Type", "application/json")
                    .withBody(ProviderAnswers.openAiText("No.", 5, 1))));
  }

  /** A started jar and the first line it wrote to stderr. */
  private record Started(Process process, BufferedReader err, String firstLine) {

    String rest() {
      return err.lines().collect(Collectors.joining("\n"));
    }

    int exitCode() throws InterruptedException {
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      return process.exitValue();
    }

    void interrupt() throws IOException, InterruptedException {
      new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
    }
  }

  private Process start(String... args) throws IOException {
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

  private static Started firstLineOf(Process process) {
    BufferedReader err =
        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    try {
      return new Started(process, err, err.readLine());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] freshRun() {
    return new String[] {
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
  }

  @Test
  void ofTwoFreshRunsStartedOnOneOutputAtOnceExactlyOneRuns() throws Exception {
    Process a = start(freshRun());
    Process b = start(freshRun());
    List<Started> both = List.of(firstLineOf(a), firstLineOf(b));

    List<Started> running =
        both.stream().filter(s -> s.firstLine().startsWith("Running 18 attempt(s)")).toList();
    List<Started> refused =
        both.stream().filter(s -> s.firstLine().startsWith("error: --output: run.json")).toList();
    assertThat(running).as(both.toString()).hasSize(1);
    assertThat(refused).as(both.toString()).hasSize(1);
    assertThat(refused.get(0).exitCode()).isEqualTo(2);
    assertThat(refused.get(0).rest()).isEmpty();

    running.get(0).interrupt();
    assertThat(running.get(0).exitCode()).isEqualTo(130);
    assertEachAttemptRecordedOnce();
  }

  @Test
  void ofTwoResumesOfOneRunStartedAtOnceExactlyOneRunsAndTheOtherNamesIt() throws Exception {
    Started first = firstLineOf(start(freshRun()));
    assertThat(first.firstLine()).startsWith("Running 18 attempt(s)");
    first.interrupt();
    assertThat(first.exitCode()).isEqualTo(130);
    int recorded = recordedKeys().size();

    Process a = start("run", "--resume", "run.json");
    Process b = start("run", "--resume", "run.json");
    List<Started> both = List.of(firstLineOf(a), firstLineOf(b));

    List<Started> running =
        both.stream().filter(s -> s.firstLine().startsWith("Continuing with")).toList();
    List<Started> refused =
        both.stream().filter(s -> s.firstLine().contains("is in use by another")).toList();
    assertThat(running).as(both.toString()).hasSize(1);
    assertThat(refused).as(both.toString()).hasSize(1);
    assertThat(running.get(0).firstLine())
        .startsWith("Continuing with " + (18 - recorded) + " attempt(s)");
    assertThat(refused.get(0).firstLine())
        .startsWith(
            "error: "
                + workDir.resolve("run").toRealPath()
                + " is in use by another evals process (pid "
                + running.get(0).process().pid()
                + " on ");
    assertThat(refused.get(0).exitCode()).isEqualTo(2);

    running.get(0).interrupt();
    assertThat(running.get(0).exitCode()).isEqualTo(130);
    assertEachAttemptRecordedOnce();
  }

  private void assertEachAttemptRecordedOnce() throws IOException {
    assertThat(recordedKeys()).doesNotHaveDuplicates().hasSizeLessThan(18);
  }

  /** The attempts in index.jsonl; none when the run was stopped before its first one ended. */
  private List<String> recordedKeys() throws IOException {
    Path index = workDir.resolve("run/index.jsonl");
    List<String> keys = new ArrayList<>();
    if (!Files.exists(index)) {
      return keys;
    }
    for (String line : Files.readAllLines(index)) {
      JsonNode record = Mappers.json().readTree(line);
      keys.add(record.get("caseId").asText() + "#" + record.get("attempt").asInt());
    }
    return keys;
  }
}
