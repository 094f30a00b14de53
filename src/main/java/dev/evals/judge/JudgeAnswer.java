package dev.evals.judge;

import dev.evals.model.ChatResponse;
import java.util.Objects;

/**
 * One raw answer of the judge model, kept for {@code judge.json}.
 *
 * @param response the answer as received
 * @param problem why it could not be read, or null when it was read
 */
public record JudgeAnswer(ChatResponse response, String problem) {
  public JudgeAnswer {
    Objects.requireNonNull(response, "response");
  }
}
