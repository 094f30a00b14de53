package dev.evals.model.http;

import dev.evals.model.ContextOverflowException;
import dev.evals.model.ProviderException;
import java.time.Duration;
import java.util.Optional;

/** Which kind of {@link ProviderException} an HTTP status is. */
final class Failures {

  private Failures() {}

  /**
   * The failure of a response with {@code status}.
   *
   * @param retryAfter the wait the server asked for, kept by a rate limit
   * @param contextOverflow whether the body says the prompt exceeds the context window
   * @param markedFinal whether the server said not to retry ({@code x-should-retry: false})
   */
  static ProviderException ofStatus(
      String message,
      int status,
      Optional<Duration> retryAfter,
      boolean contextOverflow,
      boolean markedFinal) {
    if (status == 401 || status == 403) {
      return new ProviderException.Unauthorized(message, status);
    }
    if (status == 429) {
      return new ProviderException.RateLimited(message, status, retryAfter);
    }
    if (status >= 500 || status == 408 || status == 409) {
      return new ProviderException.ServerError(message, status, markedFinal);
    }
    if (status == 400 && contextOverflow) {
      return new ContextOverflowException(message, status);
    }
    return new ProviderException.BadRequest(message, status);
  }
}
