package dev.evals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code run --shard i/n}: a run of its share of the plan, continued like any run. */
class ShardRunTest {

  @TempDir Path dir;

  @BeforeEach
  void writeASuiteOfFiveCases() throws IOException {
    ShardSuite.write(dir, List.of("flow-a", "flow-b", "flow-c", "flow-d", "flow-e"));
  }

  private CliRun evals(Map<String, String> environment, String... args) {
    return CliRun.of(dir, environment, args);
  }

  private CliRun shard(String shard, String output, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "flow",
                "--model",
                "reference",
                "--runs",
                "2",
                "--shard",
                shard,
                "--output",
                output));
    args.addAll(List.of(extra));
    return evals(Map.of(), args.toArray(String[]::new));
  }

  private List<String> keys(String runFolder) throws IOException {
    return Files.readAllLines(dir.resolve(runFolder).resolve("index.jsonl")).stream()
        .map(ShardRunTest::key)
        .toList();
  }

  static String key(String line) {
    try {
      JsonNode node = Mappers.json().readTree(line);
      return node.get("caseId").asText() + "#" + node.get("attempt").asInt();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void threeShardsRunEachAttemptOfThePlanExactlyOnce() throws IOException {
    TreeSet<String> all = new TreeSet<>();
    int total = 0;
    for (int index = 1; index <= 3; index++) {
      CliRun run = shard(index + "/3", "out/s" + index + ".json");
      assertThat(run.exitCode()).as(run.err()).isZero();
      List<String> keys = keys("out/s" + index);
      all.addAll(keys);
      total += keys.size();
      assertThat(keys).hasSizeBetween(3, 4);
    }

    assertThat(total).isEqualTo(10);
    assertThat(all).hasSize(10);
  }

  @Test
  void aShardsRunJsonRecordsTheShardThePlanSizeAndDigestAndTheCaseFileDigest() throws IOException {
    shard("2/3", "out/s2.json");

    JsonNode manifest = Mappers.json().readTree(dir.resolve("out/s2/run.json").toFile());
    JsonNode summary = Mappers.json().readTree(dir.resolve("out/s2.json").toFile());

    assertThat(manifest.get("shard").get("index").asInt()).isEqualTo(2);
    assertThat(manifest.get("shard").get("count").asInt()).isEqualTo(3);
    assertThat(manifest.get("shard").get("planSize").asInt()).isEqualTo(10);
    assertThat(manifest.get("shard").get("planDigest").asText()).startsWith("sha256:");
    assertThat(manifest.get("casesFileDigest").asText()).startsWith("sha256:");
    assertThat(summary.get("plannedAttemptCount").asInt()).isEqualTo(3);
    assertThat(summary.get("notRunAttempts")).isEmpty();
  }

  @Test
  void theSameShardOnAnotherDayAndFolderHoldsTheSameAttempts() throws IOException {
    shard("1/3", "out/a.json");
    shard("1/3", "elsewhere/b.json");

    assertThat(new TreeSet<>(keys("elsewhere/b"))).isEqualTo(new TreeSet<>(keys("out/a")));
  }

  @Test
  void autoTakesTheShardFromTheZeroBasedJobCompletionIndex() throws IOException {
    CliRun run =
        evals(
            Map.of("JOB_COMPLETION_INDEX", "2"),
            "run",
            "flow",
            "--model",
            "reference",
            "--runs",
            "2",
            "--shard",
            "auto/3",
            "--output",
            "out/auto.json");
    shard("3/3", "out/three.json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(new TreeSet<>(keys("out/auto"))).isEqualTo(new TreeSet<>(keys("out/three")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0/3|--shard 0/3: the shard must be between 1 and 3",
        "4/3|--shard 4/3: the shard must be between 1 and 3",
        "x/y|--shard x/y must be i/n (1-based, e.g. 2/4) or auto/n",
        "1/0|--shard 1/0: the number of shards must be at least 1",
        "auto/3|--shard auto/3 reads JOB_COMPLETION_INDEX, which is not set"
      })
  void refusesABadShardBeforeAnyModelIsCalled(String shard, String message) {
    CliRun run = shard(shard, "out/bad.json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(message).doesNotContain("at dev.evals");
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void refusesAJobCompletionIndexOutsideTheShards() {
    CliRun run =
        evals(
            Map.of("JOB_COMPLETION_INDEX", "3"),
            "run",
            "flow",
            "--model",
            "reference",
            "--shard",
            "auto/3");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--shard auto/3: JOB_COMPLETION_INDEX must be 0 to 2");
  }

  @Test
  void refusesToRecordAShard() {
    CliRun run = shard("1/3", "out/s1.json", "--record");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--record records whole runs").contains("evals merge --record");
  }

  @Test
  void resumeFinishesOnlyTheShardsOwnAttempts() throws IOException {
    shard("2/3", "out/s2.json");
    Path index = dir.resolve("out/s2/index.jsonl");
    List<String> before = keys("out/s2");
    Files.write(index, Files.readAllLines(index).subList(0, 1));

    CliRun resumed = evals(Map.of(), "run", "--resume", "out/s2.json");

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains("Continuing with " + (before.size() - 1) + " attempt(s)");
    assertThat(new TreeSet<>(keys("out/s2"))).isEqualTo(new TreeSet<>(before));
  }

  @Test
  void rerunFailedRerunsOnlyTheShardsFailedAttempts() throws IOException {
    shard("1/3", "out/s1.json");
    Path index = dir.resolve("out/s1/index.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(index));
    lines.set(0, lines.get(0).replace("\"passed\":true", "\"passed\":false"));
    Files.write(index, lines);

    CliRun rerun = evals(Map.of(), "run", "--rerun-failed", "out/s1.json");

    assertThat(rerun.exitCode()).as(rerun.err()).isZero();
    assertThat(rerun.err()).contains("Continuing with 1 attempt(s)");
    assertThat(keys("out/s1")).endsWith(key(lines.get(0)));
  }

  @Test
  void retryErrorsRetriesOnlyTheShardsExecutionErrors() throws IOException {
    shard("3/3", "out/s3.json");
    Path index = dir.resolve("out/s3/index.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(index));
    lines.set(
        1,
        lines
            .get(1)
            .replace(
                "\"status\":\"ok\",\"passed\":true",
                "\"status\":\"execution_error\",\"passed\":false"));
    Files.write(index, lines);

    CliRun retried = evals(Map.of(), "run", "--retry-errors", "out/s3.json");

    assertThat(retried.exitCode()).as(retried.err()).isZero();
    assertThat(retried.err()).contains("Continuing with 1 attempt(s)");
    assertThat(keys("out/s3")).endsWith(key(lines.get(1)));
  }

  @Test
  void aContinuedShardKeepsItsShard() {
    shard("1/3", "out/s1.json");

    CliRun run = evals(Map.of(), "run", "--resume", "out/s1.json", "--shard", "2/3");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--resume continues the shard stored in run.json; drop --shard");
  }
}
