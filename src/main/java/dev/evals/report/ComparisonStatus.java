package dev.evals.report;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a baseline was found and read. */
public enum ComparisonStatus {
  OK("ok"),
  /** No baseline was given and history holds no matching line. */
  NO_BASELINE("no_baseline"),
  /** A baseline was named or found but could not be read. */
  UNREADABLE("unreadable");

  private final String wireName;

  ComparisonStatus(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }
}
