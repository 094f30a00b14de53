package dev.evals.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The exclusive right to execute a run folder: an OS file lock on {@code run.lock} inside it, held
 * until {@link #close()} or the process ends (a kill releases it too). The file names its holder
 * (pid, host, start time), so a second process is told who has the run. The file itself is never
 * deleted: deleting a lock file lets two processes lock two different files.
 */
public final class RunLock implements AutoCloseable {

  static final String FILE = "run.lock";

  private static final int HOLDER_READS = 25;
  private static final long HOLDER_READ_PAUSE_MS = 20;

  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks the run folder for this process.
   *
   * @param startedAt when this process started the work, written for whoever is refused
   * @throws RunFolderException when another process (or another run in this one) holds it
   */
  static RunLock acquire(Path folder, Instant startedAt) throws IOException {
    Path file = folder.resolve(FILE);
    // Described before locking, so the holder's line follows its lock as closely as possible.
    byte[] holder = describe(startedAt).getBytes(StandardCharsets.UTF_8);
    // Never truncate on open: the holder's description must survive a refused attempt.
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      throw new RunFolderException(
          folder
              + " is in use by another evals process ("
              + holder(file)
              + "); wait for it to end or stop it");
    }
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(holder), 0);
    channel.force(true);
    return new RunLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }

  private static String describe(Instant startedAt) {
    return "pid "
        + ProcessHandle.current().pid()
        + " on "
        + hostName()
        + ", started "
        + startedAt
        + "\n";
  }

  /**
   * Who holds the lock. A holder that has just locked may not have written its line yet, so an
   * empty file is read again for up to half a second before it is reported as such.
   */
  private static String holder(Path file) {
    try {
      for (int read = 0; read < HOLDER_READS; read++) {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!text.isEmpty()) {
          return text;
        }
        Thread.sleep(HOLDER_READ_PAUSE_MS);
      }
      return "holder not yet written";
    } catch (IOException e) {
      return "holder unreadable";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "holder not yet written";
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "an unknown host";
    }
  }
}
