package dev.evals.modes;

import dev.evals.input.BadInput;

/** A mode name that is unknown or not implemented. */
public final class UnknownModeException extends IllegalArgumentException implements BadInput {
  public UnknownModeException(String message) {
    super(message);
  }
}
