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
import java.util.Optional;

/** JSON Lines files: one compact JSON value per line, appended durably. */
public final class JsonLines {

  private static final ObjectMapper LINE =
      Mappers.json().copy().disable(SerializationFeature.INDENT_OUTPUT);

  private JsonLines() {}

  /**
   * Appends one value as a line under an exclusive file lock (so concurrent processes never
   * interleave) and forces it to disk before returning. The line always starts a line of its own:
   * when a crash left the file ending in the middle of a line, that torn fragment is cut off first
   * (or, if it is a complete value that only lacks its newline, ended).
   *
   * @return the torn fragment that was cut off, if there was one
   */
  public static Optional<String> append(Path file, Object value) throws IOException {
    return append(file, value, true);
  }

  /**
   * As {@link #append(Path, Object)}, but leaves the line in the operating system's cache: the
   * caller makes it durable with {@link #force(Path)}, which may then cover several lines at once.
   */
  public static Optional<String> appendUnforced(Path file, Object value) throws IOException {
    return append(file, value, false);
  }

  /** Forces every line appended to the file so far to disk. */
  public static void force(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  private static Optional<String> append(Path file, Object value, boolean force)
      throws IOException {
    byte[] line = (LINE.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
    try (FileChannel channel =
            FileChannel.open(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      Optional<String> torn = endLastLine(channel);
      write(channel, line, channel.size());
      if (force) {
        channel.force(true);
      }
      return torn;
    }
  }

  /** Reads one line as the given type. */
  public static <T> T read(String line, Class<T> type) throws JsonProcessingException {
    return LINE.readValue(line, type);
  }

  private static Optional<String> endLastLine(FileChannel channel) throws IOException {
    long size = channel.size();
    if (size == 0 || byteAt(channel, size - 1) == '\n') {
      return Optional.empty();
    }
    long start = size - 1;
    while (start > 0 && byteAt(channel, start - 1) != '\n') {
      start--;
    }
    ByteBuffer tail = ByteBuffer.allocate((int) Math.min(size - start, Integer.MAX_VALUE - 8));
    channel.read(tail, start);
    String fragment = new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8);
    if (isCompleteValue(fragment)) {
      write(channel, new byte[] {'\n'}, size);
      return Optional.empty();
    }
    channel.truncate(start);
    return Optional.of(fragment);
  }

  private static boolean isCompleteValue(String fragment) {
    try {
      return LINE.readTree(fragment).isObject();
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private static int byteAt(FileChannel channel, long position) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    channel.read(one, position);
    return one.get(0);
  }

  private static void write(FileChannel channel, byte[] bytes, long position) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    long at = position;
    while (buffer.hasRemaining()) {
      at += channel.write(buffer, at);
    }
  }
}
