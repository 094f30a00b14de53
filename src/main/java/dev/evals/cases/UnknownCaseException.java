package dev.evals.cases;

/** A case id or glob given on the command line that matches no case. */
public final class UnknownCaseException extends IllegalArgumentException {
  public UnknownCaseException(String message) {
    super(message);
  }
}
