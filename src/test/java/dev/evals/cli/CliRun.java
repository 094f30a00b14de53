package dev.evals.cli;

import dev.evals.report.Terminal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;

/** Runs the CLI in-process with captured streams, a fixed clock and a chosen environment. */
record CliRun(int exitCode, String out, String err) {

  /** Seeds the random part of default run names, so they are the same on every test run. */
  static final long SEED = 7;

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

  static CliRun of(Path workDir, Map<String, String> environment, String... args) {
    return at(CLOCK, workDir, environment, args);
  }

  /** The same on another day, for what depends on the date (model retirements). */
  static CliRun at(Clock clock, Path workDir, Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        EvalsCli.run(
            args,
            new PrintWriter(out),
            new PrintWriter(err),
            environment,
            workDir,
            clock,
            Terminal.NONE,
            new Random(SEED));
    return new CliRun(code, out.toString(), err.toString());
  }
}
