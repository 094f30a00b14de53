package dev.evals.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals.model.ChatResponse;
import dev.evals.model.TokenUsage;
import java.util.List;
import org.junit.jupiter.api.Test;

class JudgeSampleTest {

  private static final ChatResponse RESPONSE =
      new ChatResponse("", List.of(), TokenUsage.of(10, 2), "tool_use");
  private static final Assessment VERDICT = new Assessment(70, "ok", List.of());

  @Test
  void aSampleThatSucceededHasTheVerdictOfItsLastAnswer() {
    JudgeSample sample =
        new JudgeSample(
            List.of(
                JudgeAnswer.unreadable(RESPONSE, "no call"), JudgeAnswer.read(RESPONSE, VERDICT)),
            null);

    assertThat(sample.succeeded()).isTrue();
    assertThat(sample.assessment()).isEqualTo(VERDICT);
    assertThat(sample.usage()).isEqualTo(TokenUsage.of(20, 4));
  }

  @Test
  void aFailedSampleHasNoVerdict() {
    JudgeSample sample =
        new JudgeSample(List.of(JudgeAnswer.unreadable(RESPONSE, "no call")), "unreadable");

    assertThat(sample.succeeded()).isFalse();
    assertThat(sample.assessment()).isNull();
  }

  @Test
  void aSampleCannotEndReadAndCarryAnError() {
    assertThatThrownBy(
            () -> new JudgeSample(List.of(JudgeAnswer.read(RESPONSE, VERDICT)), "provider error"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JudgeSample(List.of(), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anAnswerHasEitherAVerdictOrAProblem() {
    assertThatThrownBy(() -> new JudgeAnswer(RESPONSE, VERDICT, "also a problem"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JudgeAnswer(RESPONSE, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
