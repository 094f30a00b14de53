package dev.evals.judge;

import dev.evals.model.TokenUsage;
import java.util.List;

/**
 * One independent judgement: the answers of the judge model, including those that were asked again.
 * A sample that succeeded ends with the answer that was read.
 *
 * @param answers every answer received, in order
 * @param error why the sample failed, or null when its last answer was read
 */
public record JudgeSample(List<JudgeAnswer> answers, String error) {
  public JudgeSample {
    answers = List.copyOf(answers);
    boolean endsRead = !answers.isEmpty() && answers.get(answers.size() - 1).isRead();
    if (endsRead == (error != null)) {
      throw new IllegalArgumentException(
          "a sample either ends with a read answer or has an error, not both or neither");
    }
  }

  public boolean succeeded() {
    return error == null;
  }

  /** The assessment of the last answer, or null when the sample failed. */
  public Assessment assessment() {
    return succeeded() ? answers.get(answers.size() - 1).assessment() : null;
  }

  /** The tokens of every answer of this sample. */
  public TokenUsage usage() {
    return answers.stream()
        .map(a -> a.response().usage())
        .reduce(TokenUsage.ZERO, TokenUsage::plus);
  }

  /** The tokens of every answer of {@code samples}. */
  static TokenUsage usage(List<JudgeSample> samples) {
    return samples.stream().map(JudgeSample::usage).reduce(TokenUsage.ZERO, TokenUsage::plus);
  }
}
