package dev.evals.judge;

import java.util.List;

/**
 * One readable answer of the judge model.
 *
 * @param score 0 to 100
 * @param summary why that score
 * @param checklist a verdict per acceptance criterion
 */
public record SubmittedJudgement(int score, String summary, List<ChecklistItem> checklist) {
  public SubmittedJudgement {
    if (score < 0 || score > 100) {
      throw new IllegalArgumentException("score must be 0-100, got " + score);
    }
    checklist = List.copyOf(checklist);
  }
}
