package dev.evals.suite;

import java.nio.file.Path;

/**
 * A path as {@code run.json} records it: relative to the working directory of the command that
 * wrote it, so a run folder that is moved, downloaded or merged elsewhere names no folder of the
 * machine that wrote it. Read back against the working directory of the command that reads it; an
 * absolute path (run folders written before) is read as it is.
 */
final class RecordedPath {

  private RecordedPath() {}

  /** The path relative to the working directory ({@code ..} where it lies outside). */
  static String of(Path workDir, Path path) {
    Path base = workDir.toAbsolutePath().normalize();
    Path absolute = base.resolve(path).normalize();
    if (absolute.getRoot() == null || !absolute.getRoot().equals(base.getRoot())) {
      return absolute.toString();
    }
    String relative = base.relativize(absolute).toString();
    return relative.isEmpty() ? "." : relative;
  }

  /** A recorded path, as a path the reading command can open. */
  static Path resolve(Path workDir, String recorded) {
    return workDir.toAbsolutePath().normalize().resolve(recorded).normalize();
  }
}
