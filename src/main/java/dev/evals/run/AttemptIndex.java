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
import java.util.Optional;

/**
 * {@code index.jsonl}: one line per finished attempt, appended and forced to disk the moment the
 * attempt ends, so a run killed at any moment loses at most the attempts in flight. A line torn by
 * a crash (power loss, a full disk) can only be the last one; it does not count, and the next
 * append cuts it off, keeping it aside in {@code run.log}, so that attempt simply runs again.
 */
public final class AttemptIndex {

  /** Makes every line written to the index so far durable. */
  @FunctionalInterface
  interface Force {
    void force(Path file) throws IOException;
  }

  private final Path file;
  private final RunLog log;
  private final Force force;
  private final Object durability = new Object();
  private long written;
  private long durable;

  /** An index that is only read, or appended to without a log for torn lines. */
  public AttemptIndex(Path file) {
    this(file, null, JsonLines::force);
  }

  AttemptIndex(Path file, RunLog log, Force force) {
    this.file = file;
    this.log = log;
    this.force = force;
  }

  /** This index, keeping a torn last line it cuts off in the given log. */
  public AttemptIndex loggingTo(RunLog runLog) {
    return new AttemptIndex(file, runLog, force);
  }

  public Path file() {
    return file;
  }

  /**
   * Appends one record on a line of its own and returns once it is on disk. Attempts ending
   * together share one {@code force()} (group commit): whoever forces covers every line written
   * before it started, so the others find their line already durable and return.
   */
  public void append(AttemptRecord record) throws IOException {
    long mine = write(record);
    synchronized (durability) {
      if (durable >= mine) {
        return;
      }
      long upTo = writtenSoFar();
      force.force(file);
      durable = upTo;
    }
  }

  private synchronized long write(AttemptRecord record) throws IOException {
    Optional<String> torn = JsonLines.appendUnforced(file, record);
    if (torn.isPresent() && log != null) {
      log.info(
          "index.jsonl ended in a torn line (a crash mid-write); it was cut off and its attempt"
              + " runs again. The fragment: "
              + torn.get());
    }
    return ++written;
  }

  private synchronized long writtenSoFar() {
    return written;
  }

  /**
   * Every record, the newest one winning when an attempt was recorded twice. An unreadable last
   * line without its newline is a torn write and is skipped; any other unreadable line is a corrupt
   * file.
   *
   * @throws RunFolderException naming the file and line of a corrupt record
   */
  public List<AttemptRecord> read() throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<String> lines = text.lines().toList();
    boolean lastLineEnded = text.endsWith("\n");
    Map<AttemptKey, AttemptRecord> newest = new LinkedHashMap<>();
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
        if (i < lines.size() - 1 || lastLineEnded) {
          throw new RunFolderException(
              file
                  + ":"
                  + (i + 1)
                  + ": unreadable attempt record ("
                  + RunFolderException.firstLine(e.getOriginalMessage())
                  + "); restore that line, or delete it to run its attempt again");
        }
      }
    }
    return new ArrayList<>(newest.values());
  }
}
