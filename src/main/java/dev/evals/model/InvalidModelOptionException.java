package dev.evals.model;

/** A model option the provider does not take, or a value it would reject. */
public final class InvalidModelOptionException extends IllegalArgumentException {
  public InvalidModelOptionException(String message) {
    super(message);
  }
}
