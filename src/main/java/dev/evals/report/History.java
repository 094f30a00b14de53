package dev.evals.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.evals.json.Mappers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code history/<mode>.jsonl}: one line per recorded full-suite run, appended under a file lock so
 * concurrent CI jobs never interleave.
 */
public final class History {

  private static final ObjectMapper LINE =
      Mappers.json().copy().disable(SerializationFeature.INDENT_OUTPUT);

  private final Path folder;

  public History(Path folder) {
    this.folder = folder;
  }

  public Path fileFor(String mode) {
    return folder.resolve(mode + ".jsonl");
  }

  /** Appends the line and returns the file written. */
  public Path append(HistoryLine line) throws IOException {
    Files.createDirectories(folder);
    Path file = fileFor(line.mode());
    byte[] bytes = (LINE.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
    try (FileChannel channel =
            FileChannel.open(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        FileLock lock = channel.lock()) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    return file;
  }
}
