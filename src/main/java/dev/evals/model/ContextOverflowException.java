package dev.evals.model;

/**
 * The provider refused a request because the conversation exceeds the model's context window. The
 * conversation, not the infrastructure, failed: the attempt is scored, not an execution error.
 */
public final class ContextOverflowException extends ProviderException.BadRequest {
  public ContextOverflowException(String message, int status) {
    super(message, status);
  }
}
