package dev.evals.cli;

import dev.evals.suite.Continuation;
import dev.evals.suite.UsageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --resume}, {@code --rerun-failed}, {@code --retry-errors}: continuing an earlier run. */
final class ContinuationOptions {

  @Option(
      names = "--resume",
      paramLabel = "<run>",
      description = "Continue an interrupted run (its summary or folder) with its stored settings.")
  Path resume;

  @Option(
      names = "--rerun-failed",
      paramLabel = "<run>",
      description = "Run again every attempt of that run that failed or errored.")
  Path rerunFailed;

  @Option(
      names = "--retry-errors",
      paramLabel = "<run>",
      description = "Run again every attempt of that run that ended in an execution error.")
  Path retryErrors;

  @Option(names = "--force", description = "Continue a run even though its case file changed.")
  boolean force;

  /** The continuation asked for, or null for a new run; the three flags exclude each other. */
  Continuation chosen() {
    List<Continuation> given = new ArrayList<>();
    if (resume != null) {
      given.add(new Continuation(Continuation.Kind.RESUME, resume));
    }
    if (rerunFailed != null) {
      given.add(new Continuation(Continuation.Kind.RERUN_FAILED, rerunFailed));
    }
    if (retryErrors != null) {
      given.add(new Continuation(Continuation.Kind.RETRY_ERRORS, retryErrors));
    }
    if (given.size() > 1) {
      throw new UsageException("--resume, --rerun-failed and --retry-errors exclude each other");
    }
    return given.isEmpty() ? null : given.get(0);
  }
}
