package dev.evals.report.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignTestTest {

  // Reference values from R's binom.test(x, n, 0.5) (two-sided), i.e. McNemar's exact test.
  @ParameterizedTest(name = "{0} down, {1} up: p={2}")
  @CsvSource({
    "8, 0, 0.0078125",
    "9, 1, 0.021484375",
    "5, 0, 0.0625",
    "6, 0, 0.03125",
    "1, 0, 1.0",
    "3, 3, 1.0",
    "7, 2, 0.1796875",
    "0, 0, 1.0",
    "0, 8, 0.0078125"
  })
  void matchesTheExactBinomialTest(int down, int up, double expected) {
    assertThat(SignTest.twoSided(down, up)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void needsSixCasesMovingTheSameWayForFivePercent() {
    assertThat(SignTest.fewestSignificant(18, 0.05)).hasValue(6);
    assertThat(SignTest.fewestSignificant(6, 0.05)).hasValue(6);
    assertThat(SignTest.fewestSignificant(5, 0.05)).isEmpty();
  }
}
