package dev.evals.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
    assertThat(parsed("--skip-judge").off()).isTrue();
    assertThat(parsed("--judge", "off").off()).isTrue();
    assertThat(parsed().off()).isFalse();
    assertThat(parsed("--skip-judge").given()).containsExactly("--skip-judge");
  }
}
