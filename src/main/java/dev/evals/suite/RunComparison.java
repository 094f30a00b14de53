package dev.evals.suite;

import dev.evals.report.AttemptSource;
import dev.evals.report.Baseline;
import dev.evals.report.BaselineSource;
import dev.evals.report.Summary;
import dev.evals.report.SummaryJson;
import dev.evals.report.TerminalReport;
import dev.evals.report.output.ComparePage;
import dev.evals.report.output.ComparedRun;
import dev.evals.report.output.ReportFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code evals compare a b}: run b against run a with the same statistics as a run against its
 * baseline, written as a summary, {@code compare.html} (the two runs side by side) and the three
 * reports of b with a as its baseline.
 */
public final class RunComparison {

  static final String SUMMARY = "comparison.json";

  private final Surroundings workspace;

  public RunComparison(Surroundings workspace) {
    this.workspace = workspace;
  }

  /**
   * Compares and returns the exit code.
   *
   * @param output the folder for the reports, or null for one beside b
   */
  public int compare(Path a, Path b, Path output, boolean failOnRegression) throws IOException {
    RunLocation before = new RunLocation(workspace, a);
    RunLocation after = new RunLocation(workspace, b);
    Summary baseline = before.summary();
    Summary current = after.summary();
    if (!baseline.mode().equals(current.mode())) {
      workspace
          .err()
          .println(
              "warning: comparing a " + baseline.mode() + " run with a " + current.mode() + " run");
    }
    String label = before.shown(before.directory().folder());
    Summary compared =
        current.withComparison(BaselineSource.against(current, Baseline.of(baseline, label)));
    Path folder = folder(before, after, output);
    Files.createDirectories(folder);
    Path summaryFile = folder.resolve(SUMMARY);
    AttemptSource attempts = after.attempts(current);
    SummaryJson.write(summaryFile, compared, attempts);
    List<Path> written = new ArrayList<>(List.of(summaryFile));
    written.add(
        ComparePage.write(
            folder,
            new ComparedRun(baseline, before.attempts(baseline), label),
            new ComparedRun(compared, attempts, after.shown(after.directory().folder()))));
    ReportFiles.Written reports =
        ReportFiles.write(
            compared, attempts, folder, after.directory().folder(), workspace.environment());
    written.addAll(reports.reports());
    reports.warnings().forEach(workspace.err()::println);
    TerminalReport.print(
        workspace.out(),
        compared,
        attempts,
        written.stream().map(p -> Path.of(after.shown(p))).toList());
    workspace.err().flush();
    List<String> regressions = failOnRegression ? QualityGates.regressions(compared) : List.of();
    regressions.forEach(reason -> workspace.err().println("gate: " + reason));
    workspace.err().flush();
    return regressions.isEmpty() ? ExitCodes.DONE : ExitCodes.BELOW_MIN_PASS_RATE;
  }

  private Path folder(RunLocation before, RunLocation after, Path output) {
    if (output != null) {
      return workspace.workDir().resolve(output);
    }
    Path b = after.directory().folder();
    return b.resolveSibling(b.getFileName() + "__vs__" + before.directory().folder().getFileName());
  }
}
