package dev.evals.cli;

import dev.evals.suite.RunComparison;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code evals compare <a> <b>}: run b against run a, case by case. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    header = "Compare two runs case by case (Fisher exact test) and write reports for the pair.",
    description = {
      "b is reported against a as against a baseline: each case is regressed, improved,"
          + " unchanged, new or removed. Writes comparison.json, compare.html (both runs side by"
          + " side: per case the two pass rates with their intervals, fixed / broken / still"
          + " failing / new / removed, the checks that differ, filterable and sortable), and"
          + " report.html, pr-comment.md and junit.xml of b against a.",
      "",
      "Example: evals compare results/before results/after --fail-on-regression"
    })
final class CompareCommand implements Callable<Integer>, ContextAware {

  @Parameters(
      index = "0",
      paramLabel = "<a>",
      description = "The baseline run (folder or summary).")
  Path before;

  @Parameters(
      index = "1",
      paramLabel = "<b>",
      description = "The run to judge (folder or summary).")
  Path after;

  @Option(
      names = "--output",
      paramLabel = "<folder>",
      description = "Where to write the reports (default: <b>__vs__<a> beside b).")
  Path output;

  @Option(names = "--fail-on-regression", description = "Exit 1 when some case regressed.")
  boolean failOnRegression;

  private CliContext context;

  @Override
  public void useContext(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    return new RunComparison(context.workspace(context.workDir(), List.of()))
        .compare(before, after, output, failOnRegression);
  }
}
