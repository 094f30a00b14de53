package dev.evals.suite;

import dev.evals.config.Environment;
import dev.evals.report.Terminal;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * What a command sees of its surroundings, injected so tests control all of it.
 *
 * @param casesRoot the folder holding cases/ and fixtures/
 * @param workDir where results/ and history/ are written
 * @param environment environment variables over the cases root's .env
 * @param clock the time source
 * @param out results (stdout)
 * @param err progress, warnings and errors (stderr)
 * @param terminal what stdout and stderr are connected to (progress line, width, colour)
 * @param random where the random part of default run names comes from
 */
public record Surroundings(
    Path casesRoot,
    Path workDir,
    Environment environment,
    Clock clock,
    PrintWriter out,
    PrintWriter err,
    Terminal terminal,
    RandomGenerator random) {

  public Path resultsRoot() {
    return workDir.resolve("results");
  }

  public Path historyRoot() {
    return workDir.resolve("history");
  }
}
