package dev.evals.judge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * What the judge looks at for one attempt.
 *
 * @param mode the mode of the case ({@code flow}, {@code script}, {@code app}, {@code cli})
 * @param prompt the user request the model under test received
 * @param checklist the case's acceptance criteria, possibly empty
 * @param initial the state the model started from, or null when it started from nothing
 * @param expected one valid answer, or null when the case has none
 * @param actual the artifact the model produced
 */
public record JudgeInput(
    String mode,
    String prompt,
    List<String> checklist,
    JsonNode initial,
    JsonNode expected,
    JsonNode actual) {
  public JudgeInput {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(prompt, "prompt");
    checklist = checklist == null ? List.of() : List.copyOf(checklist);
    Objects.requireNonNull(actual, "actual");
  }
}
