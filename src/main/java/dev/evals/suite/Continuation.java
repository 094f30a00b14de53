package dev.evals.suite;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A request to continue an earlier run in its own directory, with its stored settings.
 *
 * @param kind what to run again
 * @param run the run directory or its summary file
 */
public record Continuation(Kind kind, Path run) {

  /** What a continuation runs. */
  public enum Kind {
    /** Attempts that never ran (interrupted, or stopped by the budget). */
    RESUME("--resume"),
    /** Attempts whose newest record failed or errored. */
    RERUN_FAILED("--rerun-failed"),
    /** Attempts whose newest record is an execution error. */
    RETRY_ERRORS("--retry-errors");

    private final String flag;

    Kind(String flag) {
      this.flag = flag;
    }

    public String flag() {
      return flag;
    }
  }

  public Continuation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(run, "run");
  }
}
