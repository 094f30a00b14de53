package dev.evals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.input.BadInput;
import dev.evals.suite.Setting;
import dev.evals.suite.UsageException;
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

    private final RuntimeException failure;

    Broken(RuntimeException failure) {
      this.failure = failure;
    }

    @Override
    public void run() {
      throw failure;
    }
  }

  /** An input error no list anywhere knows about. */
  static final class NewInputError extends RuntimeException implements BadInput {
    NewInputError(String message) {
      super(message);
    }
  }

  private CliRun runBroken(String... args) {
    return runFailing(new IllegalStateException("a bug"), args);
  }

  private CliRun runFailing(RuntimeException failure, String... args) {
    StringWriter err = new StringWriter();
    CommandLine commandLine = new CommandLine(new Broken(failure));
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
  void exitsTwoWithTheMessageAloneForAnyBadInputType() {
    CliRun run = runFailing(new NewInputError("cases/flow.yaml:3: something is wrong"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("error: cases/flow.yaml:3: something is wrong\n");
  }

  @Test
  void namesTheSettingsOfAUsageErrorByTheirFlags() {
    CliRun run =
        runFailing(
            UsageException.about(
                Setting.JUDGE, " off and ", Setting.JUDGE_MODEL, " contradict each other"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("error: --judge off and --judge-model contradict each other\n");
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
