package dev.evals.run;

import java.util.Objects;

/**
 * Which attempt of a run: the case and its 1-based repeat number, written {@code caseId#attempt}.
 *
 * @param caseId the case
 * @param attempt 1-based repeat number
 */
public record AttemptKey(String caseId, int attempt) {

  public AttemptKey {
    Objects.requireNonNull(caseId, "caseId");
  }

  /** {@code caseId#attempt}, as the summary's {@code notRunAttempts} and the logs write it. */
  @Override
  public String toString() {
    return caseId + "#" + attempt;
  }
}
