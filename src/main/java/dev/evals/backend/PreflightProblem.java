package dev.evals.backend;

import java.util.Objects;

/**
 * Why backend previews cannot start, found before the first attempt: one line that names the server
 * and the setting to fix, never a password or token.
 *
 * @param cause whose fault it is: the settings, or a server that is down
 * @param message the line to print
 */
public record PreflightProblem(Cause cause, String message) {

  /** Whose fault a preflight problem is. */
  public enum Cause {
    /** Wrong credentials, a missing workspace or missing rights: the user's settings. */
    SETTINGS,
    /** No answer, or a server error: the server is down or unreachable. */
    SERVER_DOWN
  }

  public PreflightProblem {
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(message, "message");
  }
}
