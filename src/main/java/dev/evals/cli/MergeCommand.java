package dev.evals.cli;

import dev.evals.suite.MergeRequest;
import dev.evals.suite.RunRequest;
import dev.evals.suite.ShardMerge;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code evals merge <shard>...}: joins the shards of a run made with {@code --shard i/n}. */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    header = "Join the shards of a run (run --shard i/n) into one run, as if made in one piece.",
    description = {
      "Checks that the parts are shards 1..n of one plan (same mode, model, judge, runs, case"
          + " file and plan; each shard exactly once), joins their index.jsonl into one run"
          + " folder whose attempt files are linked, not copied (or moved, with --move), and"
          + " writes its summary, report.html, pr-comment.md and junit.xml. Shards of several"
          + " models (run --models a,b) are grouped by model: one merged run each.",
      "Exit codes as for run: 0 done, 1 a gate failed, 2 bad input (a missing or duplicated"
          + " shard, a mixed plan), 3 some attempts ended in an execution error.",
      "",
      "Example: evals merge shards/flow-1 shards/flow-2 shards/flow-3 --output results/flow.json"
          + " --record"
    })
final class MergeCommand implements Callable<Integer>, ContextAware {

  @Parameters(
      arity = "1..*",
      paramLabel = "<shard dir|summary.json>",
      description = "The shard runs to join.")
  List<Path> parts = new ArrayList<>();

  @Option(
      names = "--output",
      paramLabel = "<path>",
      description = "Merged summary path; its folder is the sibling of the same name.")
  Path output;

  @Option(
      names = "--move",
      description = "Move the attempt folders out of the shards instead of linking their files.")
  boolean move;

  @Option(
      names = "--record",
      description =
          "Append one line to history/<mode>.jsonl; refused unless every shard is present and"
              + " complete.")
  boolean record;

  @Mixin GateOptions gates = new GateOptions();

  private CliContext context;

  @Override
  public void useContext(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    MergeRequest request =
        new MergeRequest(
            parts,
            output,
            move,
            record,
            new RunRequest.Gates(gates.minPassRate, gates.reportOptions(context)));
    return new ShardMerge(context.workspace(context.workDir(), List.of())).merge(request);
  }
}
