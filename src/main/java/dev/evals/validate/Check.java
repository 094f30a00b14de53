package dev.evals.validate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.Objects;

/**
 * One named pass/fail criterion of an attempt.
 *
 * <p>A <em>warning</em> is a check that never fails the attempt: it passes, and its detail says
 * what a reader should look at (a module type this tool does not know, say). In JSON it is an
 * ordinary passing check with {@code "warning": true}; the field is absent on every other check, so
 * records written before warnings existed read the same.
 *
 * @param name a stable name such as {@code run succeeded} or {@code module ids are unique}
 * @param passed whether the attempt met it; always true for a warning
 * @param detail why it failed, or what a warning is about, for people reading the results
 * @param warning whether this is a warning that does not count against the attempt
 */
public record Check(
    String name,
    boolean passed,
    String detail,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonSetter(nulls = Nulls.AS_EMPTY)
        boolean warning) {
  public Check {
    Objects.requireNonNull(name, "name");
    detail = Objects.requireNonNullElse(detail, "");
    if (warning && !passed) {
      throw new IllegalArgumentException("a warning always passes: " + name);
    }
  }

  public Check(String name, boolean passed, String detail) {
    this(name, passed, detail, false);
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

  /** A passing check that still draws attention to something, with what it is. */
  public static Check warn(String name, String detail) {
    return new Check(name, true, detail, true);
  }
}
