package dev.evals.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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
    })
public final class EvalsCommand {

  /**
   * The subcommands by name, in the order {@code evals --help} lists them. They are added to the
   * command line by {@link EvalsCli}, not named in {@code @Command(subcommands)}, so a process that
   * runs one of them builds only that one's picocli model: building all eleven from their
   * annotations was half of the start-up of {@code ./evals models}.
   */
  static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

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

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> byName = new LinkedHashMap<>();
    byName.put("models", ModelsCommand.class);
    byName.put("cases", CasesCommand.class);
    byName.put("run", RunCommand.class);
    byName.put("report", ReportCommand.class);
    byName.put("merge", MergeCommand.class);
    byName.put("compare", CompareCommand.class);
    byName.put("rescore", RescoreCommand.class);
    byName.put("mutate", MutateCommand.class);
    byName.put("history", HistoryCommand.class);
    byName.put("completion", CompletionCommand.class);
    byName.put("help", HelpCommand.class);
    return Collections.unmodifiableMap(byName);
  }

  /**
   * The subcommands a command line for these arguments needs: only the one named first when the
   * arguments start with a subcommand other than {@code help} or {@code completion} (which read the
   * others), otherwise all of them (top-level help, {@code --version}, a mistyped name that picocli
   * suggests a spelling for).
   */
  static Map<String, Class<?>> subcommandsFor(String[] args) {
    String first = args == null || args.length == 0 ? null : args[0];
    if (first == null
        || first.equals("help")
        || first.equals("completion")
        || !SUBCOMMANDS.containsKey(first)) {
      return SUBCOMMANDS;
    }
    return Map.of(first, SUBCOMMANDS.get(first));
  }
}
