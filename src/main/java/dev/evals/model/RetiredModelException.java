package dev.evals.model;

/** A model past its retirement date: every request to it would fail. */
public final class RetiredModelException extends IllegalArgumentException {
  public RetiredModelException(String message) {
    super(message);
  }
}
