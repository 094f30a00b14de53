package dev.evals.modes;

/** A mode name that is unknown or not implemented. */
public final class UnknownModeException extends IllegalArgumentException {
  public UnknownModeException(String message) {
    super(message);
  }
}
