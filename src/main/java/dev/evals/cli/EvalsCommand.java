package dev.evals.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top command: {@code evals models | cases | run | report | compare | rescore | ...}. */
@Command(
    name = "evals",
    mixinStandardHelpOptions = true,
    versionProvider = ToolVersion.class,
    header = "Benchmark how well LLMs build Windmill flows, scripts, apps and CLI workspaces.",
    description = {
      "Runs YAML cases (cases/<mode>.yaml, fixtures/) against a model through the mode's tools,"
          + " checks what it built with deterministic validators and an LLM judge, and writes a"
          + " summary, per-attempt artifacts and history lines.",
      "",
      "Example: evals run flow --model reference"
    },
    subcommands = {
      ModelsCommand.class,
      CasesCommand.class,
      RunCommand.class,
      ReportCommand.class,
      MergeCommand.class,
      CompareCommand.class,
      RescoreCommand.class,
      MutateCommand.class,
      HistoryCommand.class,
      CompletionCommand.class,
      HelpCommand.class
    })
public final class EvalsCommand {

  /** Read by the error handler from the parse result; every subcommand inherits it. */
  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print the stack trace of an unexpected failure on stderr.")
  boolean debug;

  /** Read before the command runs (see {@link EvalsCli#create}); every subcommand inherits it. */
  @Option(
      names = "--no-color",
      scope = ScopeType.INHERIT,
      description =
          "No colour in what is printed (as NO_COLOR; never on a stream that is not a terminal).")
  boolean noColor;
}
