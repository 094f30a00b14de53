package dev.evals.modes.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds a program on the agent's own {@code PATH}: Java starts a process by the launching JVM's
 * {@code PATH}, so an agent installed only where the run's environment points would not be found.
 */
final class ProgramPath {

  private ProgramPath() {}

  static Optional<Path> find(String program, String path) {
    if (program.contains(File.separator)) {
      Path file = Path.of(program);
      return Files.isExecutable(file) ? Optional.of(file) : Optional.empty();
    }
    if (path == null) {
      return Optional.empty();
    }
    for (String folder : path.split(File.pathSeparator)) {
      if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, program))) {
        return Optional.of(Path.of(folder, program));
      }
    }
    return Optional.empty();
  }

  /** The command with its program resolved on {@code path}, or as it is when not found there. */
  static List<String> resolve(List<String> command, String path) {
    return find(command.get(0), path)
        .map(
            found ->
                java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(found.toString()), command.stream().skip(1))
                    .toList())
        .orElse(command);
  }
}
