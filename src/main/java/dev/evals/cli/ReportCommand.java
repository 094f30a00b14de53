package dev.evals.cli;

import dev.evals.suite.ReportRebuild;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code evals report <run>}: rebuilds the summary and reports of a run from its index. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    header = "Rebuild a run's summary, report.html, pr-comment.md and junit.xml from index.jsonl.",
    description = {
      "Works on finished and interrupted runs alike: only the attempts recorded count.",
      "",
      "Example: evals report results/2026-11-24T12-00-00Z__flow__haiku"
    })
final class ReportCommand implements Callable<Integer>, ContextAware {

  @Parameters(index = "0", paramLabel = "<run dir|summary.json>", description = "The run.")
  Path run;

  @Option(
      names = "--baseline",
      paramLabel = "<summary.json|run dir|history file>",
      description = "Compare with this run (default: the last other history line of the mode).")
  Path baseline;

  private CliContext context;

  @Override
  public void useContext(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    return new ReportRebuild(context.workspace(context.workDir(), List.of()))
        .rebuild(run, baseline);
  }

  /** Reports need no cases root: the working directory stands in for it. */
}
