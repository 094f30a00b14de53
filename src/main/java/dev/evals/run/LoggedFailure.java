package dev.evals.run;

import java.nio.file.Path;

/**
 * An unexpected failure (a bug, a full disk) during a run whose stack trace is already in the run's
 * {@code run.log}, so the terminal can name the file instead of printing the trace.
 */
public final class LoggedFailure extends RuntimeException {

  private final Path log;

  /**
   * @param cause the failure as it was thrown
   * @param log the run.log holding its stack trace, as the user would type it
   */
  public LoggedFailure(Throwable cause, Path log) {
    super(cause.toString(), cause);
    this.log = log;
  }

  /** The run.log holding the stack trace. */
  public Path log() {
    return log;
  }
}
