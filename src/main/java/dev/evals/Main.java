package dev.evals;

import dev.evals.cli.EvalsCli;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/** Bootstrap: hands the real process to the CLI. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    boolean interactive = System.console() != null && System.getenv("CI") == null;
    int code =
        EvalsCli.run(
            args,
            out,
            err,
            System.getenv(),
            Path.of("").toAbsolutePath(),
            Clock.systemUTC(),
            interactive);
    System.exit(code);
  }
}
