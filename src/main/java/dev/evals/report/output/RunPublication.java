package dev.evals.report.output;

import dev.evals.config.Environment;
import dev.evals.report.AttemptSource;
import dev.evals.report.BaselineSource;
import dev.evals.report.RunRebuild;
import dev.evals.report.Summary;
import dev.evals.report.SummaryBuilder;
import dev.evals.report.SummaryJson;
import dev.evals.run.RunDirectory;
import dev.evals.run.RunManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a run leaves for people and CI, rebuilt from {@code index.jsonl}: the summary JSON
 * compared with its baseline, and the three reports in the run folder.
 */
public final class RunPublication {

  /**
   * What was published.
   *
   * @param summary the summary, with its comparison
   * @param attempts the run's attempts, read again from the index when asked
   * @param reports the report files written
   * @param warnings one line per report that could not be written (the run still stands)
   */
  public record Published(
      Summary summary, AttemptSource attempts, List<Path> reports, List<String> warnings) {
    public Published {
      reports = List.copyOf(reports);
      warnings = List.copyOf(warnings);
    }
  }

  private RunPublication() {}

  public static Published publish(
      RunManifest manifest,
      RunDirectory directory,
      String shownFolder,
      BaselineSource baseline,
      Environment environment)
      throws IOException {
    AttemptSource attempts = RunRebuild.attempts(directory, manifest);
    Summary built = SummaryBuilder.build(manifest, attempts, shownFolder);
    Summary summary = built.withComparison(baseline.compare(built));
    SummaryJson.write(directory.summaryFile(), summary, attempts);
    ReportFiles.Written reports =
        ReportFiles.write(summary, attempts, directory.folder(), directory.folder(), environment);
    return new Published(summary, attempts, reports.reports(), reports.warnings());
  }
}
