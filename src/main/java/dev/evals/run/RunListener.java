package dev.evals.run;

/** Hears the progress of a run, for the progress line and per-attempt output. */
public interface RunListener {

  RunListener SILENT = new RunListener() {};

  default void runStarted(int attemptCount) {}

  default void attemptStarted(String caseId, int attempt) {}

  default void attemptFinished(AttemptRecord record) {}

  /** A model-under-test event for {@code --verbose}: assistant text or a tool call line. */
  default void agentEvent(String caseId, int attempt, String line) {}
}
