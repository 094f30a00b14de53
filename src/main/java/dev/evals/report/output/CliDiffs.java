package dev.evals.report.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A cli attempt against its expected state: each expected workspace file against the file the agent
 * left under {@code workspace/} (a file only one side has shows as all added or all removed), or,
 * for a case that expects an answer, the agent's final answer.
 */
final class CliDiffs {

  static final String FINAL_ANSWER = "finalAnswer";

  private CliDiffs() {}

  static List<ArtifactDiffs.FileDiff> of(Path folder, JsonNode expected) {
    List<ArtifactDiffs.FileDiff> diffs = new ArrayList<>();
    Path workspace = folder.resolve("workspace");
    boolean hasTranscript = Files.isRegularFile(folder.resolve("transcript.json"));
    if (!Files.isDirectory(workspace) && !hasTranscript) {
      return diffs;
    }
    if (expected.has(FINAL_ANSWER)) {
      ArtifactDiffs.add(
          diffs,
          "final answer",
          "answer",
          expected.get(FINAL_ANSWER).asText(),
          finalAnswer(folder));
      return diffs;
    }
    Set<String> paths = new LinkedHashSet<>();
    expected.fieldNames().forEachRemaining(paths::add);
    paths.addAll(written(workspace));
    for (String path : paths) {
      JsonNode want = expected.get(path);
      ArtifactDiffs.add(
          diffs,
          path,
          "workspace",
          want == null ? null : want.asText(),
          ArtifactDiffs.text(workspace.resolve(path)));
    }
    return diffs;
  }

  /** The text of the agent's last message in {@code transcript.json}, or null. */
  private static String finalAnswer(Path folder) {
    JsonNode transcript = ArtifactDiffs.json(folder.resolve("transcript.json"));
    if (transcript == null) {
      return null;
    }
    String answer = null;
    for (JsonNode message : transcript.path("messages")) {
      if ("assistant".equals(message.path("role").asText())) {
        answer = message.path("text").asText("");
      }
    }
    return answer;
  }

  private static List<String> written(Path workspace) {
    if (!Files.isDirectory(workspace)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(workspace)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> workspace.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
