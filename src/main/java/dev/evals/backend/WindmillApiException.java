package dev.evals.backend;

/**
 * A Windmill API call that failed. Its message names the call and the server's answer, never a
 * credential.
 */
final class WindmillApiException extends RuntimeException {

  private final int status;
  private final String body;

  WindmillApiException(String message, int status, String body, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.body = body == null ? "" : body;
  }

  /** The HTTP status, or 0 when no answer came (unreachable server, I/O error). */
  int status() {
    return status;
  }

  /** The server's error text (Windmill answers errors in plain text). */
  String body() {
    return body;
  }

  /** Whether the server, not what was sent, is to blame: no answer, 401 after re-login, 5xx. */
  boolean infrastructure() {
    return status == 0 || status == 401 || status >= 500;
  }
}
