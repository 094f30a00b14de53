package dev.evals.report.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code history/<mode>.jsonl} for the history views. A line that cannot be read (a torn last
 * line after a crash, a hand edit) is skipped and named, never fatal: one bad line must not hide
 * the rest of the history.
 */
public final class HistoryFile {

  /**
   * What was read.
   *
   * @param runs the readable lines, oldest first
   * @param skipped one note per line that could not be read, naming its number
   */
  public record Read(List<RunPoint> runs, List<String> skipped) {

    public Read {
      runs = List.copyOf(runs);
      skipped = List.copyOf(skipped);
    }

    /** The newest {@code n} runs, oldest first; all of them when n is null. */
    public List<RunPoint> last(Integer n) {
      return n == null || n >= runs.size() ? runs : runs.subList(runs.size() - n, runs.size());
    }
  }

  private HistoryFile() {}

  public static Read read(Path file) throws IOException {
    List<RunPoint> runs = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        runs.add(point(i + 1, Mappers.json().readTree(lines.get(i))));
      } catch (IOException | IllegalArgumentException e) {
        skipped.add("line " + (i + 1) + " is not a history line, skipped");
      }
    }
    return new Read(runs, skipped);
  }

  static RunPoint point(int number, JsonNode json) {
    if (!json.isObject() || !json.hasNonNull("createdAt") || !json.hasNonNull("runModel")) {
      throw new IllegalArgumentException("not a history line");
    }
    int attempts = json.path("attemptCount").asInt();
    int errors = json.path("errorAttempts").asInt();
    List<RunPoint.CaseResult> cases = new ArrayList<>();
    for (JsonNode c : json.path("cases")) {
      cases.add(
          new RunPoint.CaseResult(
              c.path("id").asText(),
              c.path("passedAttempts").asInt(),
              c.path("scoredAttempts").asInt()));
    }
    return new RunPoint(
        number,
        json.path("createdAt").asText(),
        text(json, "gitSha"),
        json.path("runModel").asText(),
        text(json, "judgeModel"),
        new RunPoint.Tally(json.path("passedAttempts").asInt(), attempts - errors, errors),
        json.hasNonNull("totalCostUsd") ? json.get("totalCostUsd").decimalValue() : null,
        cases);
  }

  private static String text(JsonNode json, String field) {
    return json.hasNonNull(field) ? json.get(field).asText() : null;
  }
}
