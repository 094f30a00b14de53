package dev.evals.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** JSON Lines files: one compact JSON value per line, appended durably. */
public final class JsonLines {

  private static final ObjectMapper LINE =
      Mappers.json().copy().disable(SerializationFeature.INDENT_OUTPUT);

  private JsonLines() {}

  /**
   * Appends one value as a line under an exclusive file lock (so concurrent processes never
   * interleave) and forces it to disk before returning.
   */
  public static void append(Path file, Object value) throws IOException {
    byte[] line = (LINE.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
    try (FileChannel channel =
            FileChannel.open(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        FileLock lock = channel.lock()) {
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  /** Reads one line as the given type. */
  public static <T> T read(String line, Class<T> type) throws JsonProcessingException {
    return LINE.readValue(line, type);
  }
}
