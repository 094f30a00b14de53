package dev.evals.model;

import dev.evals.input.BadInput;

/** A provider's API key is not configured; the message names the variable to set. */
public final class MissingApiKeyException extends IllegalArgumentException implements BadInput {

  private final String keyName;

  public MissingApiKeyException(String message) {
    this(message, message);
  }

  /**
   * @param keyName the variable(s) as a person would read them ({@code GEMINI_API_KEY (or
   *     GOOGLE_API_KEY)})
   * @param message the whole line
   */
  public MissingApiKeyException(String keyName, String message) {
    super(message);
    this.keyName = keyName;
  }

  /** The variable(s) that would hold the key. */
  public String keyName() {
    return keyName;
  }
}
