package dev.evals.judge;

import java.util.List;
import java.util.Objects;

/**
 * What the judge says of an artifact: of one readable answer, or of a whole judgement (the median
 * score, the summary of the sample that gave it, and the checklist combined over the samples).
 *
 * @param score 0 to 100
 * @param summary why that score
 * @param checklist a verdict per acceptance criterion
 */
public record Assessment(int score, String summary, List<ChecklistItem> checklist) {
  public Assessment {
    if (score < 0 || score > 100) {
      throw new IllegalArgumentException("score must be 0-100, got " + score);
    }
    Objects.requireNonNull(summary, "summary");
    checklist = List.copyOf(checklist);
  }
}
