package dev.evals.report.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WilsonTest {

  @Test
  void matchesThePublishedIntervalForEightOfTen() {
    assertThat(Wilson.interval95(8, 10)).isEqualTo(new Interval(0.4902, 0.9433));
  }

  @Test
  void staysInsideZeroAndOneAtTheExtremes() {
    assertThat(Wilson.interval95(0, 5)).isEqualTo(new Interval(0.0, 0.4345));
    assertThat(Wilson.interval95(5, 5)).isEqualTo(new Interval(0.5655, 1.0));
  }

  @Test
  void knowsNothingWithoutAttempts() {
    assertThat(Wilson.interval95(0, 0)).isEqualTo(new Interval(0.0, 1.0));
  }
}
