package dev.evals.model;

import dev.evals.input.BadInput;

/** A model name that matches no alias, spelling or {@code provider:id} form. */
public final class UnknownModelException extends IllegalArgumentException implements BadInput {
  public UnknownModelException(String message) {
    super(message);
  }
}
