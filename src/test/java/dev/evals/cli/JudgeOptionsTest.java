package dev.evals.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class JudgeOptionsTest {

  static JudgeOptions parsed(String... args) {
    JudgeOptions options = new JudgeOptions();
    new CommandLine(options).parseArgs(args);
    return options;
  }

  @Test
  void skipJudgeIsWindmillsSpellingOfJudgeOff() {
    assertThat(parsed("--skip-judge").off(false)).isTrue();
    assertThat(parsed("--judge", "off").off(false)).isTrue();
    assertThat(parsed().off(false)).isFalse();
    assertThat(parsed("--skip-judge").given()).containsExactly("--skip-judge");
  }

  @Test
  void executionOnlyRunsNoJudgeAndRefusesOneNamed() {
    assertThat(parsed().off(true)).isTrue();
    assertThatThrownBy(() -> parsed("--judge-model", "sonnet").off(true))
        .hasMessage("--execution-only runs no judge: drop --judge-model");
    assertThatThrownBy(() -> parsed("--judge", "on").off(true))
        .hasMessage("--execution-only runs no judge: drop --judge on");
  }
}
