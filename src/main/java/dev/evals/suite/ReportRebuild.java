package dev.evals.suite;

import dev.evals.report.BaselineSource;
import dev.evals.report.RunRebuild;
import dev.evals.report.TerminalReport;
import dev.evals.report.output.RunPublication;
import dev.evals.run.RunLock;
import dev.evals.run.RunManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code evals report}: rebuilds a run's summary and its three reports from {@code index.jsonl},
 * whether the run finished or was interrupted.
 */
public final class ReportRebuild {

  private final Surroundings workspace;

  public ReportRebuild(Surroundings workspace) {
    this.workspace = workspace;
  }

  /**
   * Rebuilds and returns the exit code.
   *
   * @param run the run folder or its summary file
   * @param baseline what to compare with, or null for the latest other history line
   */
  public int rebuild(Path run, Path baseline) throws IOException {
    RunLocation location = new RunLocation(workspace, run);
    if (!location.hasIndex()) {
      throw new UsageException(
          "not a run folder: no run.json in " + location.shown(location.directory().folder()));
    }
    try (RunLock lock = location.directory().lock(workspace.clock().instant())) {
      return rebuild(location, baseline);
    }
  }

  /** Rebuilds while holding the run folder, since the summary and reports are written into it. */
  private int rebuild(RunLocation location, Path baseline) throws IOException {
    RunManifest manifest = RunRebuild.manifest(location.directory());
    BaselineSource source =
        baseline == null
            ? BaselineSource.historyBefore(workspace.historyRoot())
            : BaselineSource.explicit(
                workspace.workDir().resolve(baseline),
                RecordedPath.of(workspace.workDir(), baseline));
    RunPublication.Published published =
        RunPublication.publish(
            manifest,
            location.directory(),
            RecordedPath.of(workspace.workDir(), location.directory().folder()),
            source,
            workspace.environment());
    List<Path> written = new ArrayList<>(List.of(location.directory().summaryFile()));
    written.addAll(published.reports());
    published.warnings().forEach(workspace.err()::println);
    TerminalReport.print(
        workspace.out(),
        published.summary(),
        published.attempts(),
        written.stream().map(p -> Path.of(location.shown(p))).toList());
    return ExitCodes.DONE;
  }
}
