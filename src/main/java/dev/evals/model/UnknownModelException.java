package dev.evals.model;

/** A model name that matches no alias, spelling or {@code provider:id} form. */
public final class UnknownModelException extends IllegalArgumentException {
  public UnknownModelException(String message) {
    super(message);
  }
}
