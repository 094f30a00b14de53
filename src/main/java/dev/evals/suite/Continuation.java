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
    RESUME(Setting.RESUME),
    /** Attempts whose newest record failed or errored. */
    RERUN_FAILED(Setting.RERUN_FAILED),
    /** Attempts whose newest record is an execution error. */
    RETRY_ERRORS(Setting.RETRY_ERRORS);

    private final Setting setting;

    Kind(Setting setting) {
      this.setting = setting;
    }

    /** The setting that asks for this continuation. */
    public Setting setting() {
      return setting;
    }
  }

  public Continuation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(run, "run");
  }
}
