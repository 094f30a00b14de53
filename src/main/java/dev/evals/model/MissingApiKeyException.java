package dev.evals.model;

/** A provider's API key is not configured; the message names the variable to set. */
public final class MissingApiKeyException extends IllegalArgumentException {
  public MissingApiKeyException(String message) {
    super(message);
  }
}
