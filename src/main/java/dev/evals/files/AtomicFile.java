package dev.evals.files;

import dev.evals.json.Mappers;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a whole file so that readers (and a later {@code --resume}) see either the old content or
 * the new one, never a torn mix: the bytes go to a temporary sibling, are forced to disk, and the
 * sibling is renamed over the target atomically. A kill at any moment leaves at worst a stray
 * {@code .tmp} sibling, which nothing reads.
 */
public final class AtomicFile {

  /** Numbers this process's temporary siblings; with the pid it makes their names unique. */
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private static final long PID = ProcessHandle.current().pid();

  private AtomicFile() {}

  /** Writes the text as UTF-8. */
  public static void write(Path target, String text) throws IOException {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes the value as indented JSON with the one configured mapper. */
  public static void writeJson(Path target, Object value) throws IOException {
    write(target, Mappers.json().writeValueAsBytes(value));
  }

  /** Content written to a stream, so that a large file need not be held in memory first. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes the bytes; the parent folder must exist. */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  /**
   * Writes what the content writes, streamed (a page too large to hold in memory); the parent
   * folder must exist. Readers see the old file or the whole new one; when {@code content} throws,
   * the target is left as it was.
   */
  public static void write(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path temporary = null;
    try {
      // Not Files.createTempFile: its owner-only permissions would replace the file's usual ones.
      // The sibling is created and written through one open channel (one openat, not two).
      try (Sibling sibling = newSibling(absolute)) {
        temporary = sibling.path();
        OutputStream out =
            new BufferedOutputStream(Channels.newOutputStream(sibling.channel()), 1 << 16);
        content.writeTo(out);
        out.flush();
        sibling.channel().force(true);
      }
      move(temporary, absolute);
      temporary = null; // renamed: nothing left to delete
    } finally {
      if (temporary != null) {
        Files.deleteIfExists(temporary);
      }
    }
  }

  /** A temporary sibling this process just created, open for writing. */
  private record Sibling(Path path, FileChannel channel) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  private static Sibling newSibling(Path target) throws IOException {
    String prefix = "." + target.getFileName() + "." + PID + "-";
    while (true) {
      Path sibling = target.resolveSibling(prefix + SEQUENCE.incrementAndGet() + ".tmp");
      try {
        return new Sibling(
            sibling,
            FileChannel.open(sibling, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
      } catch (FileAlreadyExistsException leftOverByAnEarlierProcess) {
        // try the next number
      }
    }
  }

  private static void move(Path temporary, Path target) throws IOException {
    try {
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // A sibling is on the same file system, so this only happens on exotic mounts; a plain
      // replacing move is still better than writing in place.
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
