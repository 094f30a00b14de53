package dev.evals.model;

/**
 * A provider call that failed. Retriable failures (rate limits, server errors, timeouts, connection
 * errors) are retried by the provider layer; what escapes it ends the attempt as an execution
 * error, never as a model failure. Messages never contain credentials.
 */
public class ProviderException extends RuntimeException {

  private final boolean retriable;

  public ProviderException(String message, boolean retriable, Throwable cause) {
    super(message, cause);
    this.retriable = retriable;
  }

  public ProviderException(String message, boolean retriable) {
    this(message, retriable, null);
  }

  public boolean retriable() {
    return retriable;
  }
}
