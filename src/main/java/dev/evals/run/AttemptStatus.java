package dev.evals.run;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether an attempt could be scored. */
public enum AttemptStatus {
  /** Scored: it passed or the model failed a check. */
  OK("ok"),
  /** The infrastructure failed (provider, judge, backend): never counted as a model failure. */
  EXECUTION_ERROR("execution_error"),
  /** The reference model had no expected solution to replay: neither pass nor fail. */
  NO_REFERENCE("no_reference"),
  /** The reference model replayed a skeleton solution that fails its own checks. */
  INCOMPLETE_REFERENCE("incomplete_reference");

  private final String wireName;

  AttemptStatus(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }
}
