package dev.evals.judge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JudgePromptTest {

  @Test
  void leavesAShortStateAlone() {
    assertThat(JudgePrompt.truncated("abc", 3)).isEqualTo("abc");
  }

  @Test
  void saysHowMuchOfALongStateWasCut() {
    assertThat(JudgePrompt.truncated("abcdef", 4))
        .isEqualTo("abcd\n... [truncated: 2 more characters]");
  }

  @Test
  void neverSplitsASurrogatePair() {
    assertThat(JudgePrompt.truncated("ab\uD83D\uDE00cd", 3))
        .isEqualTo("ab\n... [truncated: 4 more characters]");
  }

  @Test
  void namesTheModeInTheSystemPrompt() {
    JudgeInput input = JudgeTest.input(JudgeTest.json("{}"));
    JudgePrompt prompt =
        JudgePrompt.of(
            new JudgeInput("script", "p", input.checklist(), null, null, input.actual()), 100);

    assertThat(prompt.system()).contains("Windmill script artifacts").doesNotContain("{{mode}}");
  }
}
