package dev.evals.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.evals.json.JsonLines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code index.jsonl}: one line per finished attempt, appended and forced to disk the moment the
 * attempt ends, so a run killed at any moment loses at most the attempts in flight.
 */
public final class AttemptIndex {

  private final Path file;

  public AttemptIndex(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** Appends one record and forces it to disk before returning. */
  public synchronized void append(AttemptRecord record) throws IOException {
    JsonLines.append(file, record);
  }

  /**
   * Every record, the newest one winning when an attempt was recorded twice. A torn last line (a
   * crash mid-write) is skipped; a bad line elsewhere is an error.
   */
  public List<AttemptRecord> read() throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<String, AttemptRecord> newest = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      try {
        AttemptRecord record = JsonLines.read(line, AttemptRecord.class);
        newest.remove(record.key());
        newest.put(record.key(), record);
      } catch (JsonProcessingException e) {
        if (i < lines.size() - 1) {
          throw new IOException(file + ":" + (i + 1) + ": unreadable attempt record", e);
        }
      }
    }
    return new ArrayList<>(newest.values());
  }
}
