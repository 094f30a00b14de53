package dev.evals.cases;

import dev.evals.input.BadInput;

/** A case id or glob given on the command line that matches no case. */
public final class UnknownCaseException extends IllegalArgumentException implements BadInput {
  public UnknownCaseException(String message) {
    super(message);
  }
}
