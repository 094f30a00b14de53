package dev.evals.modes.flow;

/** A flow value that is not OpenFlow, with a message the model can act on. */
public final class InvalidFlowException extends RuntimeException {

  public InvalidFlowException(String message) {
    super(message);
  }
}
