package dev.evals.suite;

import dev.evals.json.Mappers;
import dev.evals.report.AttemptSource;
import dev.evals.report.RunRebuild;
import dev.evals.report.Summary;
import dev.evals.report.SummaryFileAttempts;
import dev.evals.run.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run named on the command line by its folder or its summary file. The summary is rebuilt from
 * {@code index.jsonl} whenever the folder is there, so interrupted runs work too.
 */
final class RunLocation {

  private final Surroundings workspace;
  private final RunDirectory directory;
  private final Path given;

  RunLocation(Surroundings workspace, Path given) {
    this.workspace = workspace;
    this.given = workspace.workDir().resolve(given).toAbsolutePath().normalize();
    this.directory = RunDirectory.locate(this.given);
  }

  RunDirectory directory() {
    return directory;
  }

  boolean hasIndex() {
    return Files.isRegularFile(directory.manifestFile());
  }

  /** The summary, rebuilt from the index when there is one, else read from the summary file. */
  Summary summary() throws IOException {
    if (hasIndex()) {
      return RunRebuild.summary(directory, shown(directory.folder()));
    }
    if (Files.isRegularFile(given) && given.getFileName().toString().endsWith(".json")) {
      return Mappers.json().readValue(given.toFile(), Summary.class);
    }
    throw new UsageException(
        "not a run: " + shown(given) + " is neither a run folder (with run.json) nor a summary");
  }

  /** The attempts of the summary {@link #summary()} returned, handed out case by case. */
  AttemptSource attempts(Summary summary) throws IOException {
    if (hasIndex()) {
      return RunRebuild.attempts(directory, RunRebuild.manifest(directory));
    }
    return new SummaryFileAttempts(given, summary);
  }

  String shown(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path base = workspace.workDir().toAbsolutePath().normalize();
    return (absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString();
  }
}
