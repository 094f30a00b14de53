package dev.evals.judge;

import dev.evals.model.TokenUsage;
import java.util.List;

/**
 * One independent judgement: the answers of the judge model, including those that were asked again,
 * and what came of them.
 *
 * @param answers every answer received, in order
 * @param judgement the judgement read from the last answer, or null when the sample failed
 * @param error why the sample failed, or null
 */
public record JudgeSample(List<JudgeAnswer> answers, SubmittedJudgement judgement, String error) {
  public JudgeSample {
    answers = List.copyOf(answers);
    if ((judgement == null) == (error == null)) {
      throw new IllegalArgumentException("a sample has either a judgement or an error");
    }
  }

  public boolean succeeded() {
    return judgement != null;
  }

  /** The tokens of every answer of this sample. */
  public TokenUsage usage() {
    return answers.stream()
        .map(a -> a.response().usage())
        .reduce(TokenUsage.ZERO, TokenUsage::plus);
  }
}
