package dev.evals.suite;

import dev.evals.run.RunDirectory;
import dev.evals.run.RunLock;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A new run taking its folder: created exclusively and locked before any model is called, so two
 * runs never write into one folder. A default name another run took at the same moment is drawn
 * again; a folder named with {@code --output} that exists is refused ({@code --resume} is how a run
 * is continued).
 */
final class RunClaim {

  /** How often a default name is drawn again before giving up (each draw is random). */
  private static final int DRAWS = 5;

  /**
   * The folder claimed and this process's lock on it.
   *
   * @param directory the folder this run writes
   * @param lock this process's hold on it
   */
  record Claimed(RunDirectory directory, RunLock lock) {}

  private RunClaim() {}

  /**
   * Claims the folder.
   *
   * @param option the setting that named the path ({@link Setting#OUTPUT}), or null for a default
   *     name
   * @param redraw another default name, used when the first one is taken
   */
  static Claimed claim(
      Surroundings workspace,
      RunDirectory directory,
      Setting option,
      Supplier<RunDirectory> redraw) {
    RunDirectory candidate = directory;
    for (int draw = 1; ; draw++) {
      try {
        return new Claimed(candidate, candidate.createExclusively(workspace.clock().instant()));
      } catch (FileAlreadyExistsException e) {
        if (option != null || draw == DRAWS) {
          throw taken(workspace, candidate, option);
        }
        candidate = redraw.get();
      } catch (IOException e) {
        throw refusal(
            option,
            "cannot create the run folder "
                + shown(workspace, candidate.folder())
                + ": "
                + reason(workspace, e));
      }
    }
  }

  /** Throws the refusal of a path that already holds a run or something else. */
  static void refuseTaken(Surroundings workspace, RunDirectory directory, Setting option) {
    throw taken(workspace, directory, option);
  }

  private static UsageException taken(
      Surroundings workspace, RunDirectory directory, Setting option) {
    String summary = shown(workspace, directory.summaryFile());
    if (Files.isRegularFile(directory.manifestFile())) {
      return refusal(
          option,
          summary + " already holds a run; continue it with ",
          Setting.RESUME,
          " " + summary + ", or choose a new path");
    }
    return refusal(
        option,
        summary
            + " or its folder "
            + shown(workspace, directory.folder())
            + " already exists and is not a run; choose a new path");
  }

  private static String reason(Surroundings workspace, IOException e) {
    if (e instanceof NotDirectoryException) {
      return shown(workspace, Path.of(e.getMessage())) + " is a file, not a folder";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
      return fileSystem.getReason();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /** The refusal, led by the setting that named the path when one did. */
  private static UsageException refusal(Setting option, Object... parts) {
    List<Object> all = new ArrayList<>();
    if (option != null) {
      all.add(option);
      all.add(": ");
    }
    all.addAll(List.of(parts));
    return UsageException.about(all.toArray());
  }

  static String shown(Surroundings workspace, Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path base = workspace.workDir().toAbsolutePath().normalize();
    return (absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString();
  }
}
