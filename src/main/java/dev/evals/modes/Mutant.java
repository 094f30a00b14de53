package dev.evals.modes;

import dev.evals.model.ToolCall;
import java.util.List;
import java.util.Objects;

/**
 * A seeded defect of a case's expected solution, and the tool calls that build it the way a model
 * would, for measuring whether the mode's deterministic checks can tell it from the real answer.
 *
 * @param defectClass the kind of defect ({@code placeholder-code}, {@code missing-step}, ...)
 * @param structural whether its structure alone reveals it; semantic defects ({@code x * 2} to
 *     {@code x * 3}) are for the judge and the previews, and are reported apart
 * @param description what was changed, naming the step or line
 * @param catchingCheck the check that should fail on it
 * @param calls the tool calls a scripted model plays
 */
public record Mutant(
    String defectClass,
    boolean structural,
    String description,
    String catchingCheck,
    List<ToolCall> calls) {
  public Mutant {
    Objects.requireNonNull(defectClass, "defectClass");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(catchingCheck, "catchingCheck");
    calls = List.copyOf(calls);
  }
}
