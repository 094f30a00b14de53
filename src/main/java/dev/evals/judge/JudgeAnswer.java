package dev.evals.judge;

import dev.evals.model.ChatResponse;
import java.util.Objects;

/**
 * One raw answer of the judge model, kept for {@code judge.json}, and what was read from it.
 *
 * @param response the answer as received
 * @param assessment what it says, or null when it could not be read
 * @param problem why it could not be read, or null when it was read
 */
public record JudgeAnswer(ChatResponse response, Assessment assessment, String problem) {
  public JudgeAnswer {
    Objects.requireNonNull(response, "response");
    if ((assessment == null) == (problem == null)) {
      throw new IllegalArgumentException("an answer has either an assessment or a problem");
    }
  }

  static JudgeAnswer read(ChatResponse response, Assessment assessment) {
    return new JudgeAnswer(response, Objects.requireNonNull(assessment, "assessment"), null);
  }

  static JudgeAnswer unreadable(ChatResponse response, String problem) {
    return new JudgeAnswer(response, null, Objects.requireNonNull(problem, "problem"));
  }

  public boolean isRead() {
    return assessment != null;
  }
}
