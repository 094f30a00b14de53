package dev.evals.cli;

import dev.evals.input.BadInput;
import dev.evals.report.Terminal;
import dev.evals.run.LoggedFailure;
import dev.evals.suite.ExitCodes;
import dev.evals.suite.UsageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.function.IntSupplier;
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
    return create(context, null);
  }

  /**
   * A command line ready for these arguments, holding only the subcommands they need (see {@link
   * EvalsCommand#subcommandsFor}).
   */
  static CommandLine create(CliContext context, String[] args) {
    CommandLine commandLine = new CommandLine(new EvalsCommand(), new ContextFactory(context));
    EvalsCommand.subcommandsFor(args).forEach(commandLine::addSubcommand);
    commandLine.setOut(context.out());
    commandLine.setErr(context.err());
    commandLine.setExecutionExceptionHandler(EvalsCli::handleFailure);
    commandLine.setParameterExceptionHandler(EvalsCli::handleBadArguments);
    commandLine.setExecutionStrategy(
        parseResult -> {
          if (asked(parseResult, "--no-color")) {
            withoutColour(parseResult, context.withoutColour());
          }
          return new CommandLine.RunLast().execute(parseResult);
        });
    return commandLine;
  }

  /** {@code --no-color} is read before the command runs, so it reaches every stream it writes. */
  private static void withoutColour(CommandLine.ParseResult parseResult, CliContext plain) {
    for (CommandLine.ParseResult level = parseResult; level != null; level = level.subcommand()) {
      if (level.commandSpec().userObject() instanceof ContextAware aware) {
        aware.useContext(plain);
      }
    }
  }

  /**
   * Runs the arguments in the real process: the streams' terminals as probed, the environment's
   * {@code CI}, {@code NO_COLOR} and {@code COLUMNS} applied.
   */
  public static int run(
      String[] args,
      PrintWriter out,
      PrintWriter err,
      Map<String, String> environment,
      Path workDir,
      Clock clock,
      boolean errIsTerminal,
      boolean outIsTerminal,
      IntSupplier terminalColumns) {
    Terminal terminal = Terminal.of(errIsTerminal, outIsTerminal, environment, terminalColumns);
    return run(args, out, err, environment, workDir, clock, terminal);
  }

  /** Runs the arguments, drawing the random part of default run names from a real source. */
  public static int run(
      String[] args,
      PrintWriter out,
      PrintWriter err,
      Map<String, String> environment,
      Path workDir,
      Clock clock,
      Terminal terminal) {
    return run(args, out, err, environment, workDir, clock, terminal, new SecureRandom());
  }

  /** Runs the arguments against the given surroundings, all of them injected. */
  public static int run(
      String[] args,
      PrintWriter out,
      PrintWriter err,
      Map<String, String> environment,
      Path workDir,
      Clock clock,
      Terminal terminal,
      RandomGenerator random) {
    return create(new CliContext(out, err, environment, workDir, clock, terminal, random), args)
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
    boolean debug = asked(parseResult, "--debug");
    Throwable cause = failure instanceof LoggedFailure logged ? logged.getCause() : failure;
    err.println("error: unexpected failure: " + cause);
    if (debug) {
      cause.printStackTrace(err);
    } else if (failure instanceof LoggedFailure logged) {
      err.println("(the stack trace is in " + logged.log() + "; --debug prints it here too)");
    } else {
      err.println("(run again with --debug for the stack trace)");
    }
    err.flush();
    return INTERNAL_ERROR;
  }

  /**
   * {@code --debug} and {@code --no-color} are inherited, so they may be matched on the top command
   * or any subcommand.
   */
  private static boolean asked(CommandLine.ParseResult parseResult, String option) {
    for (CommandLine.ParseResult level = parseResult; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption(option)) {
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
