package dev.evals.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClosestMatchTest {

  private static final List<String> MODES = List.of("flow", "script", "app", "cli");

  @ParameterizedTest
  @CsvSource({"flwo, flow", "scrpt, script", "ap, app", "FLOW, flow"})
  void suggestsTheNearestName(String typed, String expected) {
    assertThat(ClosestMatch.among(MODES, typed)).contains(expected);
  }

  @ParameterizedTest
  @CsvSource({"kubernetes", "zzzzzz"})
  void suggestsNothingForUnrelatedNames(String typed) {
    assertThat(ClosestMatch.hint(MODES, typed)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"kitten, sitting, 3", "flow, flow, 0", "'', abc, 3"})
  void measuresEditDistance(String a, String b, int distance) {
    assertThat(ClosestMatch.distance(a, b)).isEqualTo(distance);
  }
}
