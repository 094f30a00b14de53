package dev.evals.modes.cli;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Reads an agent's output file as it grows and says when a line shows that the agent can no longer
 * go on. Codex, having lost its provider, reports "Reconnecting... waiting for network" and waits
 * without end; that line stops it at once.
 */
final class StreamWatch {

  static final StreamWatch NONE = new StreamWatch(line -> false);

  private final Predicate<String> stopLine;

  StreamWatch(Predicate<String> stopLine) {
    this.stopLine = stopLine;
  }

  static StreamWatch of(AgentKind kind) {
    return kind == AgentKind.CODEX
        ? new StreamWatch(
            line -> line.contains("\"type\":\"error\"") && line.contains("waiting for network"))
        : NONE;
  }

  Reader reader(Path file) {
    return new Reader(file);
  }

  /** Reads one file from where it last stopped, whole lines only. */
  final class Reader {

    private final Path file;
    private long offset;
    private final StringBuilder partial = new StringBuilder();

    private Reader(Path file) {
      this.file = file;
    }

    boolean stopRequested() throws IOException {
      if (StreamWatch.this == NONE || !Files.isRegularFile(file)) {
        return false;
      }
      try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
        long length = in.length();
        if (length <= offset) {
          return false;
        }
        byte[] bytes = new byte[(int) Math.min(length - offset, 1 << 20)];
        in.seek(offset);
        in.readFully(bytes);
        offset += bytes.length;
        partial.append(new String(bytes, StandardCharsets.UTF_8));
      }
      int end;
      while ((end = partial.indexOf("\n")) >= 0) {
        String line = partial.substring(0, end);
        partial.delete(0, end + 1);
        if (stopLine.test(line)) {
          return true;
        }
      }
      return false;
    }
  }
}
