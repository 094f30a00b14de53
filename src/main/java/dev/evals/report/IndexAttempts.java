package dev.evals.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.evals.json.JsonLines;
import dev.evals.run.AttemptRecord;
import dev.evals.run.RunFolderException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The attempts of a run folder's {@code index.jsonl}, read on demand. Opening it scans the file
 * once, checking every line as {@link dev.evals.run.AttemptIndex#read()} does (the newest record of
 * an attempt wins, a torn last line does not count, any other unreadable line is an error naming
 * it) but keeping only where each attempt's newest line starts; a case's records are read again
 * from those offsets when asked. Memory is one {@code long} per attempt.
 */
public final class IndexAttempts implements AttemptSource {

  private static final int CHUNK = 8192;

  private final Path file;
  private final Map<String, long[]> offsets;

  private IndexAttempts(Path file, Map<String, long[]> offsets) {
    this.file = file;
    this.offsets = offsets;
  }

  /**
   * Scans the index: the given cases come first in their order, then cases only the index names, in
   * the order their first surviving record appears.
   *
   * @throws RunFolderException naming the file and line of a corrupt record
   */
  public static IndexAttempts open(Path file, List<String> caseIds) throws IOException {
    Map<String, long[]> found = new LinkedHashMap<>();
    if (Files.exists(file)) {
      new Scan(file, found).run();
    }
    Map<String, long[]> ordered = new LinkedHashMap<>();
    caseIds.forEach(id -> ordered.put(id, found.getOrDefault(id, new long[0])));
    found.entrySet().stream()
        .filter(e -> !ordered.containsKey(e.getKey()))
        .sorted(Comparator.comparingLong(e -> firstOffset(e.getValue())))
        .forEach(e -> ordered.put(e.getKey(), e.getValue()));
    return new IndexAttempts(file, ordered);
  }

  private static long firstOffset(long[] byAttempt) {
    return Arrays.stream(byAttempt).filter(o -> o >= 0).min().orElse(Long.MAX_VALUE);
  }

  @Override
  public List<String> caseIds() {
    return List.copyOf(offsets.keySet());
  }

  /**
   * @throws UncheckedIOException when the index can no longer be read
   */
  @Override
  public void forEachAttemptOf(String caseId, Consumer<AttemptRecord> sink) {
    long[] byAttempt = offsets.getOrDefault(caseId, new long[0]);
    if (byAttempt.length == 0) {
      return;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      for (long offset : byAttempt) {
        if (offset >= 0) {
          sink.accept(JsonLines.read(lineAt(channel, offset), AttemptRecord.class));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String lineAt(FileChannel channel, long offset) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
    long at = offset;
    while (true) {
      chunk.clear();
      int read = channel.read(chunk, at);
      if (read <= 0) {
        break;
      }
      byte[] bytes = chunk.array();
      for (int i = 0; i < read; i++) {
        if (bytes[i] == '\n') {
          line.write(bytes, 0, i);
          return line.toString(StandardCharsets.UTF_8);
        }
      }
      line.write(bytes, 0, read);
      at += read;
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  /** One pass over the file, line by line, noting each attempt's newest line. */
  private static final class Scan {
    private final Path file;
    private final Map<String, long[]> found;

    Scan(Path file, Map<String, long[]> found) {
      this.file = file;
      this.found = found;
    }

    void run() throws IOException {
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long offset = 0;
        long start = 0;
        int number = 0;
        for (int b = in.read(); b != -1; b = in.read()) {
          offset++;
          if (b == '\n') {
            note(line.toString(StandardCharsets.UTF_8), start, ++number, false);
            line.reset();
            start = offset;
          } else {
            line.write(b);
          }
        }
        if (line.size() > 0) {
          note(line.toString(StandardCharsets.UTF_8), start, ++number, true);
        }
      }
    }

    private void note(String line, long offset, int number, boolean lastAndUnended) {
      if (line.isBlank()) {
        return;
      }
      try {
        AttemptRecord record = JsonLines.read(line, AttemptRecord.class);
        long[] byAttempt = found.computeIfAbsent(record.caseId(), id -> new long[0]);
        if (byAttempt.length < record.attempt()) {
          int old = byAttempt.length;
          byAttempt = Arrays.copyOf(byAttempt, record.attempt());
          Arrays.fill(byAttempt, old, byAttempt.length, -1);
          found.put(record.caseId(), byAttempt);
        }
        byAttempt[record.attempt() - 1] = offset;
      } catch (JsonProcessingException e) {
        if (!lastAndUnended) {
          throw new RunFolderException(
              file
                  + ":"
                  + number
                  + ": unreadable attempt record ("
                  + firstLine(e.getOriginalMessage())
                  + "); restore that line, or delete it to run its attempt again");
        }
      }
    }

    private static String firstLine(String message) {
      if (message == null) {
        return "";
      }
      String stripped = message.strip();
      int end = stripped.indexOf('\n');
      return end < 0 ? stripped : stripped.substring(0, end).strip();
    }
  }
}
