package dev.evals.model;

import dev.evals.input.BadInput;

/** A model past its retirement date: every request to it would fail. */
public final class RetiredModelException extends IllegalArgumentException implements BadInput {
  public RetiredModelException(String message) {
    super(message);
  }
}
