package dev.evals.model;

import dev.evals.input.BadInput;

/** A model option the provider does not take, or a value it would reject. */
public final class InvalidModelOptionException extends IllegalArgumentException
    implements BadInput {
  public InvalidModelOptionException(String message) {
    super(message);
  }
}
