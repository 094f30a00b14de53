package dev.evals.config;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Asks the operating system what the process's output streams are connected to. Java 17 tells only
 * whether stdin and stdout together are a console, so on Linux each stream is looked up by its file
 * descriptor in {@code /proc/self/fd}; elsewhere the console answer stands for both.
 */
public final class TerminalProbe {

  private static final Path FILE_DESCRIPTORS = Path.of("/proc/self/fd");

  private TerminalProbe() {}

  /** Whether file descriptor {@code fd} (1 stdout, 2 stderr) is a terminal. */
  public static boolean isTerminal(int fd) {
    if (!Files.isDirectory(FILE_DESCRIPTORS)) {
      return System.console() != null;
    }
    try {
      String target =
          Files.readSymbolicLink(FILE_DESCRIPTORS.resolve(Integer.toString(fd))).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException unknown) {
      return System.console() != null;
    }
  }

  /** The terminal's width as {@code stty size} reports it, or 0 when it cannot say. */
  public static int columns() {
    File tty = new File("/dev/tty");
    if (!tty.exists()) {
      return 0;
    }
    try {
      Process stty =
          new ProcessBuilder("stty", "size")
              .redirectInput(tty)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String answer = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!stty.waitFor(2, TimeUnit.SECONDS) || stty.exitValue() != 0) {
        stty.destroy();
        return 0;
      }
      String[] rowsAndColumns = answer.trim().split("\\s+");
      return rowsAndColumns.length == 2 ? Integer.parseInt(rowsAndColumns[1]) : 0;
    } catch (IOException | NumberFormatException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }
}
