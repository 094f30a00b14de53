package dev.evals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import dev.evals.testing.RunShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evals merge}: the shards of one plan joined into one run, as if it were made whole. */
class MergeCommandTest {

  @TempDir Path dir;

  @BeforeEach
  void writeASuiteOfFiveCases() throws IOException {
    ShardSuite.write(dir, List.of("flow-a", "flow-b", "flow-c", "flow-d", "flow-e"));
  }

  private CliRun evals(String... args) {
    return CliRun.of(dir, Map.of(), args);
  }

  private void shards(int count, String prefix, String... extra) {
    for (int index = 1; index <= count; index++) {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "run",
                  "flow",
                  "--runs",
                  "2",
                  "--shard",
                  index + "/" + count,
                  "--output",
                  prefix + index + ".json"));
      args.addAll(extra.length == 0 ? List.of("--model", "reference") : List.of(extra));
      CliRun run = evals(args.toArray(String[]::new));
      assertThat(run.exitCode()).as(run.err()).isZero();
    }
  }

  @Test
  void threeMergedShardsEqualTheWholeRunAttemptForAttempt() throws IOException {
    assertThat(
            evals("run", "flow", "--model", "reference", "--runs", "2", "--output", "whole.json")
                .exitCode())
        .isZero();
    shards(3, "shards/s");

    CliRun merged =
        evals("merge", "shards/s1", "shards/s2.json", "shards/s3", "--output", "merged.json");

    assertThat(merged.exitCode()).as(merged.err()).isZero();
    assertThat(RunShape.attempts(dir.resolve("merged")))
        .isEqualTo(RunShape.attempts(dir.resolve("whole")));
    assertThat(RunShape.summary(dir.resolve("merged.json")))
        .isEqualTo(RunShape.summary(dir.resolve("whole.json")));
    assertThat(dir.resolve("merged/report.html")).isRegularFile();
    assertThat(dir.resolve("merged/pr-comment.md")).isRegularFile();
    assertThat(dir.resolve("merged/junit.xml")).isRegularFile();
    JsonNode manifest = Mappers.json().readTree(dir.resolve("merged/run.json").toFile());
    assertThat(manifest.get("shard").isNull()).isTrue();
    JsonNode first = Mappers.json().readTree(dir.resolve("shards/s1/run.json").toFile());
    assertThat(manifest.get("startedAt")).isEqualTo(first.get("startedAt"));
  }

  @Test
  void theMergedRunLinksTheShardsAttemptFilesInsteadOfCopyingThem() throws IOException {
    shards(2, "shards/s");

    assertThat(evals("merge", "shards/s1", "shards/s2", "--output", "merged.json").exitCode())
        .isZero();

    Path original = dir.resolve("shards/s1/flow-a/attempt-1");
    Path shardFolder =
        Files.isDirectory(original) ? dir.resolve("shards/s1") : dir.resolve("shards/s2");
    Path file;
    try (Stream<Path> files = Files.list(shardFolder.resolve("flow-a/attempt-1"))) {
      file = files.filter(Files::isRegularFile).findFirst().orElseThrow();
    }
    Path linked = dir.resolve("merged/flow-a/attempt-1").resolve(file.getFileName());
    assertThat(Files.isSameFile(linked, file)).isTrue();
    assertThat(Files.readString(dir.resolve("merged/report.html")))
        .contains(file.getFileName().toString());
  }

  @Test
  void moveTakesTheAttemptFoldersOutOfTheShards() throws IOException {
    shards(2, "shards/s");

    CliRun merged = evals("merge", "shards/s1", "shards/s2", "--output", "merged.json", "--move");

    assertThat(merged.exitCode()).as(merged.err()).isZero();
    assertThat(dir.resolve("merged/flow-a/attempt-1")).isDirectory();
    assertThat(dir.resolve("shards/s1/flow-a/attempt-1")).doesNotExist();
    assertThat(dir.resolve("shards/s2/flow-a/attempt-1")).doesNotExist();
  }

  @Test
  void aMissingShardIsRefusedByName() throws IOException {
    shards(3, "shards/s");

    CliRun merged = evals("merge", "shards/s1", "shards/s3", "--output", "merged.json");

    assertThat(merged.exitCode()).isEqualTo(2);
    assertThat(merged.err().strip())
        .isEqualTo("error: merge: shard 2/3 of reference is missing (given: shards/s1, shards/s3)");
    assertThat(dir.resolve("merged")).doesNotExist();
  }

  @Test
  void aDuplicatedShardIsRefusedByName() throws IOException {
    shards(2, "shards/s");
    shards(2, "again/s");

    CliRun merged = evals("merge", "shards/s1", "shards/s2", "again/s2");

    assertThat(merged.exitCode()).isEqualTo(2);
    assertThat(merged.err())
        .contains("merge: shard 2/2 of reference is given twice: shards/s2 and again/s2");
    assertThat(dir.resolve("results")).doesNotExist();
  }

  @Test
  void shardsOfTwoDifferentCaseFilesAreRefused() throws IOException {
    shards(2, "before/s");
    Path cases = dir.resolve("cases/flow.yaml");
    Files.writeString(cases, Files.readString(cases).replace("Convert celsius.", "Convert it."));
    shards(2, "after/s");

    CliRun merged = evals("merge", "before/s1", "after/s2");

    assertThat(merged.exitCode()).isEqualTo(2);
    assertThat(merged.err())
        .contains(
            "merge: after/s2 is not a shard of the plan of before/s1: its case file digest differs");
  }

  @Test
  void shardsOfDifferentPlansAreRefused() throws IOException {
    shards(2, "two/s");
    shards(3, "three/s");

    CliRun merged = evals("merge", "two/s1", "three/s2");

    assertThat(merged.exitCode()).isEqualTo(2);
    assertThat(merged.err())
        .contains(
            "merge: three/s2 is not a shard of the plan of two/s1: its shard count differs (3 vs 2)");
  }

  @Test
  void aWholeRunIsNotAShard() {
    evals("run", "flow", "--model", "reference", "--output", "whole.json");

    CliRun merged = evals("merge", "whole.json");

    assertThat(merged.exitCode()).isEqualTo(2);
    assertThat(merged.err()).contains("merge: whole is a whole run, not a shard");
  }

  @Test
  void recordAppendsOneHistoryLineForCompleteShards() throws IOException {
    shards(2, "shards/s");

    CliRun merged = evals("merge", "shards/s1", "shards/s2", "--record");

    assertThat(merged.exitCode()).as(merged.err()).isZero();
    List<String> history = Files.readAllLines(dir.resolve("history/flow.jsonl"));
    assertThat(history).hasSize(1);
    assertThat(Mappers.json().readTree(history.get(0)).toString()).contains("\"runs\":2");
  }

  @Test
  void recordRefusesAnIncompleteShardAndWritesNothing() throws IOException {
    shards(2, "shards/s");
    Path index = dir.resolve("shards/s2/index.jsonl");
    Files.write(index, Files.readAllLines(index).subList(0, 2));

    CliRun refused =
        evals("merge", "shards/s1", "shards/s2", "--record", "--output", "merged.json");
    CliRun unrecorded = evals("merge", "shards/s1", "shards/s2", "--output", "merged.json");

    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err().strip())
        .isEqualTo(
            "error: --record: shard 2/2 (shards/s2) is incomplete: 2 of 5 attempts recorded;"
                + " finish it with 'evals run --resume shards/s2'");
    assertThat(dir.resolve("history")).doesNotExist();
    assertThat(unrecorded.exitCode()).as(unrecorded.err()).isZero();
    JsonNode summary = Mappers.json().readTree(dir.resolve("merged.json").toFile());
    assertThat(summary.get("notRunAttempts")).hasSize(3);
    assertThat(summary.get("plannedAttemptCount").asInt()).isEqualTo(10);
  }

  @Test
  void theGatesApplyToTheMergedRun() throws IOException {
    shards(2, "shards/s");
    Path index = dir.resolve("shards/s1/index.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(index));
    lines.set(0, lines.get(0).replace("\"passed\":true", "\"passed\":false"));
    Files.write(index, lines);

    CliRun merged = evals("merge", "shards/s1", "shards/s2", "--min-pass-rate", "0.95");

    assertThat(merged.exitCode()).isEqualTo(1);
    assertThat(merged.err())
        .contains("gate: reference: pass rate 90.0% below --min-pass-rate 95.0%");
  }

  @Test
  void shardsOfSeveralModelsMergeIntoOneRunPerModel() throws IOException {
    Files.writeString(
        dir.resolve("models.yaml"),
        "- alias: second\n  label: A second reference\n  provider: reference\n"
            + "  modelId: reference\n  price: {input: 0, output: 0}\n");
    shards(2, "shards/s", "--models", "reference,second");

    CliRun merged =
        evals(
            "merge",
            "shards/s1__reference.json",
            "shards/s2__reference.json",
            "shards/s1__second.json",
            "shards/s2__second.json",
            "--output",
            "merged.json");

    assertThat(merged.exitCode()).as(merged.err()).isZero();
    assertThat(dir.resolve("merged__reference/index.jsonl")).isRegularFile();
    assertThat(dir.resolve("merged__second/index.jsonl")).isRegularFile();
    assertThat(merged.out()).contains("second");
  }
}
