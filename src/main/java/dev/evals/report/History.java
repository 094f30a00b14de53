package dev.evals.report;

import dev.evals.json.JsonLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code history/<mode>.jsonl}: one line per recorded full-suite run, appended under a file lock so
 * concurrent CI jobs never interleave.
 */
public final class History {

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
    Path file = fileFor(line.header().mode());
    JsonLines.append(file, line);
    return file;
  }
}
