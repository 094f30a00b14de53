package dev.evals.modes.cli;

import dev.evals.model.ProviderException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts the agent without a shell, in the workspace, with its output sent to files (so a chatty
 * agent can never block on a full pipe), and kills the whole process tree at the wall-clock limit.
 */
final class AgentProcess {

  private enum End {
    EXITED,
    TIMED_OUT,
    STOPPED
  }

  private static final long REAP_SECONDS = 5;
  static final String STOPPED = "it lost its provider and was stopped";
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  private final List<String> command;
  private final Path workspace;
  private final Map<String, String> environment;
  private final String stdin;
  private final StreamWatch watch;

  /**
   * @param stdin what to write on the agent's standard input (the prompt, when the command has no
   *     {@code {prompt}} placeholder), or null to close it at once
   * @param watch reads the agent's output as it comes, to stop an agent that cannot go on
   */
  AgentProcess(
      List<String> command,
      Path workspace,
      Map<String, String> environment,
      String stdin,
      StreamWatch watch) {
    this.command = List.copyOf(command);
    this.workspace = workspace;
    this.environment = Map.copyOf(environment);
    this.stdin = stdin;
    this.watch = watch;
  }

  /** Runs to completion or the limit; output files are written beside the workspace. */
  ProcessOutcome run(Path outputDirectory, int timeoutSeconds) throws IOException {
    Path out = outputDirectory.resolve("agent-stdout.txt");
    Path err = outputDirectory.resolve("agent-stderr.txt");
    ProcessBuilder builder =
        new ProcessBuilder(ProgramPath.resolve(command, environment.get("PATH")))
            .directory(workspace.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new ProviderException.Unreachable(
          "cannot start the agent '" + command.get(0) + "': " + e.getMessage(), e);
    }
    feed(process);
    End end = awaitEnd(process, out, timeoutSeconds);
    boolean finished = end == End.EXITED;
    if (!finished) {
      killTree(process);
    }
    return new ProcessOutcome(
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8),
        finished ? process.exitValue() : -1,
        end == End.TIMED_OUT,
        timeoutSeconds,
        end == End.STOPPED ? STOPPED : null);
  }

  /** Waits for the end, the limit, or the watch's signal, whichever comes first. */
  private End awaitEnd(Process process, Path out, int timeoutSeconds) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    StreamWatch.Reader reader = watch.reader(out);
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        if (process.waitFor(Math.min(left, POLL_NANOS), TimeUnit.NANOSECONDS)) {
          return End.EXITED;
        }
        if (left <= POLL_NANOS) {
          return End.TIMED_OUT;
        }
        if (reader.stopRequested()) {
          return End.STOPPED;
        }
      }
    } catch (InterruptedException e) {
      killTree(process);
      Thread.currentThread().interrupt();
      throw new ProviderException.Interrupted("interrupted while the agent ran", e);
    }
  }

  private void feed(Process process) {
    try (OutputStream in = process.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // the agent closed its input early: it did not want the prompt there
    }
  }

  /** Kills descendants first, listed before the parent dies and they are re-parented away. */
  static void killTree(Process process) {
    List<ProcessHandle> descendants = process.descendants().toList();
    descendants.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    await(process.toHandle());
    descendants.forEach(AgentProcess::await);
  }

  private static void await(ProcessHandle handle) {
    try {
      handle.onExit().get(REAP_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // not reaped in time (an orphan's parent may never reap it); it was sent SIGKILL
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
