package dev.evals.modes.cli;

/** The model under test cannot run in cli mode: it has no agent command and none was given. */
public final class UnsupportedAgentException extends IllegalArgumentException {

  public UnsupportedAgentException(String message) {
    super(message);
  }
}
