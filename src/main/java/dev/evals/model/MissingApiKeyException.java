package dev.evals.model;

import dev.evals.input.BadInput;

/** A provider's API key is not configured; the message names the variable to set. */
public final class MissingApiKeyException extends IllegalArgumentException implements BadInput {
  public MissingApiKeyException(String message) {
    super(message);
  }
}
