package dev.evals.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import dev.evals.run.RunDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a baseline from a summary JSON, a run folder (rebuilt from its index) or a history file
 * (its last line). Only the counts are read, so summaries of older versions still serve.
 */
public final class BaselineFile {

  private BaselineFile() {}

  /** The baseline at the path; IOException when it is missing or unreadable. */
  public static Baseline read(Path path, String source) throws IOException {
    if (Files.isDirectory(path)) {
      return Baseline.of(RunRebuild.summary(RunDirectory.ofFolder(path), source), source);
    }
    if (!Files.isRegularFile(path)) {
      throw new NoSuchFileException(path.toString(), null, "no such file or run folder");
    }
    if (path.getFileName().toString().endsWith(".jsonl")) {
      List<JsonNode> lines = historyLines(path);
      if (lines.isEmpty()) {
        throw new IOException(path + ": no history line");
      }
      return fromJson(lines.get(lines.size() - 1), source);
    }
    return fromJson(Mappers.json().readTree(path.toFile()), source);
  }

  static List<JsonNode> historyLines(Path file) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        lines.add(Mappers.json().readTree(line));
      }
    }
    return lines;
  }

  static Baseline fromJson(JsonNode json, String source) throws IOException {
    JsonNode cases = json.get("cases");
    if (cases == null || !cases.isArray() || text(json, "mode") == null) {
      throw new IOException(source + ": not a summary or history line (no mode or cases)");
    }
    List<Baseline.Counts> counts = new ArrayList<>();
    for (JsonNode c : cases) {
      int attempts = c.path("attemptCount").asInt();
      int scored =
          c.has("scoredAttempts")
              ? c.get("scoredAttempts").asInt()
              : attempts - c.path("errorAttempts").asInt();
      try {
        counts.add(
            new Baseline.Counts(c.path("id").asText(), c.path("passedAttempts").asInt(), scored));
      } catch (IllegalArgumentException e) {
        throw new IOException(source + ": " + e.getMessage(), e);
      }
    }
    return new Baseline(
        source,
        text(json, "mode"),
        text(json, "judgeModel"),
        counts,
        text(json, "runModel"),
        text(json, "casesFileDigest"));
  }

  static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
