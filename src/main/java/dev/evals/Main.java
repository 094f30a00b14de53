package dev.evals;

import dev.evals.cli.EvalsCli;
import dev.evals.config.TerminalProbe;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Bootstrap: hands the real process to the CLI. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    Map<String, String> environment = System.getenv();
    int code =
        EvalsCli.run(
            args,
            out,
            err,
            environment,
            Path.of("").toAbsolutePath(),
            Clock.systemUTC(),
            TerminalProbe.isTerminal(2),
            TerminalProbe.isTerminal(1),
            TerminalProbe::columns);
    System.exit(code);
  }
}
