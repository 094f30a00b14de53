package dev.evals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class EvalsCliTest {

  @Command(name = "broken")
  static final class Broken implements Runnable {
    @Option(names = "--debug")
    boolean debug;

    @Override
    public void run() {
      throw new IllegalStateException("a bug");
    }
  }

  private CliRun runBroken(String... args) {
    StringWriter err = new StringWriter();
    CommandLine commandLine = new CommandLine(new Broken());
    commandLine.setErr(new PrintWriter(err));
    commandLine.setExecutionExceptionHandler(EvalsCli::handleFailure);
    int code = commandLine.execute(args);
    return new CliRun(code, "", err.toString());
  }

  @Test
  void reportsAnUnexpectedFailureInOneLineWithExitCode70() {
    CliRun run = runBroken();

    assertThat(run.exitCode()).isEqualTo(70);
    assertThat(run.err())
        .startsWith("error: unexpected failure: java.lang.IllegalStateException: a bug")
        .contains("--debug")
        .doesNotContain("\tat ");
  }

  @Test
  void printsTheStackTraceWithDebug() {
    assertThat(runBroken("--debug").err()).contains("\tat ");
  }

  @Test
  void printsTheVersionAndTheCommitItWasBuiltFrom() {
    CliRun run = CliRun.of(java.nio.file.Path.of("."), java.util.Map.of(), "--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip())
        .isEqualTo(dev.evals.config.ToolBuild.current().describe())
        .matches("evals 0\\.1\\.0-SNAPSHOT \\(commit ([0-9a-f]{40}|unknown)\\)");
  }
}
