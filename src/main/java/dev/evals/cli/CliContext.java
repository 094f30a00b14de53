package dev.evals.cli;

import dev.evals.config.Environment;
import dev.evals.report.Terminal;
import dev.evals.suite.Surroundings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * What the commands may see of the process, injected so tests run the CLI in-process.
 *
 * @param out results
 * @param err progress, warnings and errors
 * @param environment environment variables
 * @param workDir the working directory (default cases root; home of results/ and history/)
 * @param clock the time source
 * @param terminal what stdout and stderr are connected to
 * @param random the random part of default run names
 */
public record CliContext(
    PrintWriter out,
    PrintWriter err,
    Map<String, String> environment,
    Path workDir,
    Clock clock,
    Terminal terminal,
    RandomGenerator random) {

  /** The same surroundings without colour ({@code --no-color}). */
  CliContext withoutColour() {
    return new CliContext(out, err, environment, workDir, clock, terminal.withoutColour(), random);
  }

  /**
   * What a command's suite code sees: the cases root, and the environment over the given {@code
   * .env} files (earlier files win; real environment variables win over all).
   */
  Surroundings workspace(Path casesRoot, List<Path> dotEnvFiles) {
    return new Surroundings(
        casesRoot,
        workDir,
        Environment.load(environment, dotEnvFiles),
        clock,
        out,
        err,
        terminal,
        random);
  }
}
