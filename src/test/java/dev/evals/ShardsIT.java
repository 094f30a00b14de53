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
import dev.evals.testing.RunShape;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sharding as a CI matrix does it: each shard a separate process of the packaged jar, then {@code
 * evals merge} in another.
 */
class ShardsIT {

  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @RegisterExtension
  static WireMockExtension model =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path workDir;

  private ProcessBuilder evals(Map<String, String> environment, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                PROJECT.resolve("target/evals.jar").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().putAll(environment);
    return builder;
  }

  private static String finish(Process process) throws Exception {
    process.getOutputStream().close();
    byte[] err = process.getErrorStream().readAllBytes();
    process.getInputStream().readAllBytes();
    assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
    return new String(err, StandardCharsets.UTF_8);
  }

  private void succeeds(ProcessBuilder builder) throws Exception {
    Process process = builder.start();
    String err = finish(process);
    assertThat(process.exitValue()).as(err).isZero();
  }

  private String[] referenceRun(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "flow",
                "--model",
                "reference",
                "--runs",
                "2",
                "--cases-dir",
                PROJECT.toString()));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  @Test
  void threeShardsInThreeProcessesMergedEqualTheSuiteRunWhole() throws Exception {
    List<Process> shards = new ArrayList<>();
    for (int index = 1; index <= 3; index++) {
      shards.add(
          evals(Map.of(), referenceRun("--shard", index + "/3", "--output", "s" + index + ".json"))
              .start());
    }
    succeeds(evals(Map.of(), referenceRun("--output", "whole.json")));
    for (Process shard : shards) {
      String err = finish(shard);
      assertThat(shard.exitValue()).as(err).isZero();
    }

    succeeds(evals(Map.of(), "merge", "s1", "s2", "s3", "--output", "merged.json"));

    assertThat(RunShape.attempts(workDir.resolve("merged")))
        .hasSize(36)
        .isEqualTo(RunShape.attempts(workDir.resolve("whole")));
    assertThat(RunShape.summary(workDir.resolve("merged.json")))
        .isEqualTo(RunShape.summary(workDir.resolve("whole.json")));
  }

  @Test
  void aShardKilledWithSigkillIsResumedAndThenMerged() throws Exception {
    model.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .willReturn(
                aResponse()
                    .withFixedDelay(1000)
                    .withHeader("Content-Type", "application/json")
                    .withBody(ProviderAnswers.openAiText("No.", 5, 1))));
    Map<String, String> environment = Map.of("OPENAI_COMPATIBLE_BASE_URL", model.baseUrl() + "/v1");
    String[] slow = {
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
      "--shard",
      "1/2",
      "--output",
      "s1.json"
    };
    Process killed = evals(environment, slow).start();
    killed.getOutputStream().close();
    BufferedReader err =
        new BufferedReader(new InputStreamReader(killed.getErrorStream(), StandardCharsets.UTF_8));
    String line;
    do {
      line = err.readLine();
    } while (line != null && !line.startsWith("[1/"));
    assertThat(line).as("the first attempt's progress line").isNotNull();

    new ProcessBuilder("kill", "-KILL", Long.toString(killed.pid())).start().waitFor();
    assertThat(killed.waitFor(60, TimeUnit.SECONDS)).isTrue();
    int recordedBeforeKill = Files.readAllLines(workDir.resolve("s1/index.jsonl")).size();
    assertThat(recordedBeforeKill).isBetween(1, 8);
    model.resetAll();
    model.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(ProviderAnswers.openAiText("No.", 5, 1))));
    String[] second = slow.clone();
    second[second.length - 3] = "2/2";
    second[second.length - 1] = "s2.json";
    succeeds(evals(environment, second));
    String refused = mergeRecording();

    succeeds(evals(environment, "run", "--resume", "s1.json"));
    Process merged = evals(Map.of(), "merge", "s1", "s2", "--output", "merged.json").start();
    String mergeErr = finish(merged);

    assertThat(refused).contains("--record: shard 1/2 (s1) is incomplete");
    assertThat(merged.exitValue()).as(mergeErr).isZero();
    JsonNode summary = Mappers.json().readTree(workDir.resolve("merged.json").toFile());
    assertThat(summary.get("attemptCount").asInt()).isEqualTo(18);
    assertThat(summary.get("notRunAttempts")).isEmpty();
    List<String> keys =
        Files.readAllLines(workDir.resolve("merged/index.jsonl")).stream()
            .map(ShardsIT::key)
            .collect(Collectors.toList());
    assertThat(keys).hasSize(18).doesNotHaveDuplicates();
  }

  private String mergeRecording() throws Exception {
    Process process = evals(Map.of(), "merge", "s1", "s2", "--record").start();
    String err = finish(process);
    assertThat(process.exitValue()).as(err).isEqualTo(2);
    return err;
  }

  private static String key(String line) {
    try {
      JsonNode node = Mappers.json().readTree(line);
      return node.get("caseId").asText() + "#" + node.get("attempt").asInt();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
