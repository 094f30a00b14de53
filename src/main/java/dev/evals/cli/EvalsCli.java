package dev.evals.cli;

import dev.evals.input.BadInput;
import dev.evals.suite.ExitCodes;
import dev.evals.suite.UsageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.random.RandomGenerator;
import picocli.CommandLine;

/**
 * The one wiring point of the command line: builds the command tree with its error handlers, so the
 * CLI runs the same in {@code main} and in tests.
 */
public final class EvalsCli {

  /** Exit code of an unexpected internal failure (a bug), as sysexits' EX_SOFTWARE. */
  static final int INTERNAL_ERROR = 70;

  private EvalsCli() {}

  /**
   * A ready command line.
   *
   * @param context what the commands see: streams, environment, working directory, clock
   */
  public static CommandLine create(CliContext context) {
    CommandLine commandLine = new CommandLine(new EvalsCommand(), new ContextFactory(context));
    commandLine.setOut(context.out());
    commandLine.setErr(context.err());
    commandLine.setExecutionExceptionHandler(EvalsCli::handleFailure);
    commandLine.setParameterExceptionHandler(EvalsCli::handleBadArguments);
    return commandLine;
  }

  /** Runs the arguments, drawing the random part of default run names from a real source. */
  public static int run(
      String[] args,
      PrintWriter out,
      PrintWriter err,
      Map<String, String> environment,
      Path workDir,
      Clock clock,
      boolean interactive) {
    return run(args, out, err, environment, workDir, clock, interactive, new SecureRandom());
  }

  /** Runs the arguments against the given surroundings, all of them injected. */
  public static int run(
      String[] args,
      PrintWriter out,
      PrintWriter err,
      Map<String, String> environment,
      Path workDir,
      Clock clock,
      boolean interactive,
      RandomGenerator random) {
    return create(new CliContext(out, err, environment, workDir, clock, interactive, random))
        .execute(args);
  }

  static int handleFailure(
      Exception failure, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    if (failure instanceof BadInput badInput) {
      err.println("error: " + explanation(badInput));
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    boolean debug = debugAsked(parseResult);
    err.println("error: unexpected failure: " + failure);
    if (debug) {
      failure.printStackTrace(err);
    } else {
      err.println("(run again with --debug for the stack trace; a run also keeps it in run.log)");
    }
    err.flush();
    return INTERNAL_ERROR;
  }

  /** {@code --debug} is inherited, so it may be matched on the top command or any subcommand. */
  private static boolean debugAsked(CommandLine.ParseResult parseResult) {
    for (CommandLine.ParseResult level = parseResult; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  private static int handleBadArguments(CommandLine.ParameterException failure, String[] args) {
    CommandLine commandLine = failure.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println("error: " + failure.getMessage());
    // picocli's "did you mean" for a mistyped option or subcommand (--modle: --model)
    CommandLine.UnmatchedArgumentException.printSuggestions(failure, err);
    err.println("see '" + commandLine.getCommandSpec().qualifiedName() + " --help'");
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  /** The one line of a bad input, with each setting named by its flag. */
  static String explanation(BadInput failure) {
    return failure instanceof UsageException usage
        ? usage.describe(SettingFlag::of)
        : failure.getMessage();
  }
}
