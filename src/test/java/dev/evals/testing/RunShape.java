package dev.evals.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.json.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * What two runs of one plan must share however they were split: the summary without what depends on
 * when, where and how fast it ran, and the attempt records keyed by {@code caseId#n}.
 */
public final class RunShape {

  /** Fields that differ between two runs of the same plan by time or place alone. */
  private static final Set<String> CIRCUMSTANCES =
      Set.of(
          "createdAt",
          "runDirectory",
          "comparison",
          "durationMs",
          "averageDurationMs",
          "averagePassedDurationMs",
          "toolVersion",
          "toolCommit");

  private RunShape() {}

  /** The summary file's statistics, counts and verdicts, per case and for the suite. */
  public static JsonNode summary(Path summaryFile) throws IOException {
    JsonNode summary = Mappers.json().readTree(summaryFile.toFile());
    strip(summary);
    return summary;
  }

  /** The index's records by key, without their durations. */
  public static TreeMap<String, JsonNode> attempts(Path runFolder) throws IOException {
    TreeMap<String, JsonNode> byKey = new TreeMap<>();
    for (String line : Files.readAllLines(runFolder.resolve("index.jsonl"))) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode record = Mappers.json().readTree(line);
      strip(record);
      byKey.put(record.get("caseId").asText() + "#" + record.get("attempt").asInt(), record);
    }
    return byKey;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
      names.stream().filter(CIRCUMSTANCES::contains).forEach(object::remove);
    }
    node.forEach(RunShape::strip);
  }
}
