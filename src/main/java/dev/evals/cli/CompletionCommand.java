package dev.evals.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evals completion bash|zsh}: picocli's completion script for the whole command tree. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    header = "Print a shell completion script for evals (bash or zsh).",
    description = {
      "The script completes subcommands, options and option values; zsh loads it through"
          + " bashcompinit, which the script sets up itself.",
      "",
      "Example: source <(evals completion bash)"
    })
final class CompletionCommand implements Callable<Integer> {

  /** The shells the script works in. */
  enum Shell {
    bash,
    zsh
  }

  @Parameters(index = "0", paramLabel = "<shell>", description = "bash or zsh.")
  Shell shell;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine()
        .getOut()
        .print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
