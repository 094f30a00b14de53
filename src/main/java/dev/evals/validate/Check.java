package dev.evals.validate;

import java.util.Objects;

/**
 * One named pass/fail criterion of an attempt.
 *
 * @param name a stable name such as {@code run succeeded} or {@code module ids are unique}
 * @param passed whether the attempt met it
 * @param detail why it failed (or a short confirmation), for people reading the results
 */
public record Check(String name, boolean passed, String detail) {
  public Check {
    Objects.requireNonNull(name, "name");
    detail = Objects.requireNonNullElse(detail, "");
  }

  public static Check pass(String name) {
    return new Check(name, true, "");
  }

  public static Check fail(String name, String detail) {
    return new Check(name, false, detail);
  }

  public static Check of(String name, boolean passed, String failureDetail) {
    return new Check(name, passed, passed ? "" : failureDetail);
  }
}
