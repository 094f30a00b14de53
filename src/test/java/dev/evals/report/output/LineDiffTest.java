package dev.evals.report.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

  @Test
  void keepsCommonLinesAndMarksRemovalsAndAdditions() {
    List<LineDiff.Line> diff =
        LineDiff.between(List.of("a", "b", "c"), List.of("a", "x", "c", "d"));

    assertThat(diff)
        .containsExactly(
            new LineDiff.Line(' ', "a"),
            new LineDiff.Line('-', "b"),
            new LineDiff.Line('+', "x"),
            new LineDiff.Line(' ', "c"),
            new LineDiff.Line('+', "d"));
    assertThat(LineDiff.identical(diff)).isFalse();
    assertThat(LineDiff.identical(LineDiff.between(List.of("a"), List.of("a")))).isTrue();
  }
}
