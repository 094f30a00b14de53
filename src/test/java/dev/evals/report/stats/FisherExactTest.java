package dev.evals.report.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FisherExactTest {

  // Reference values from R's fisher.test / scipy.stats.fisher_exact (two-sided).
  @ParameterizedTest(name = "[[{0},{1}],[{2},{3}]] p={4}")
  @CsvSource({
    "5, 0, 0, 5, 0.007936507936507936",
    "3, 1, 1, 3, 0.4857142857142857",
    "1, 9, 11, 3, 0.002759456185220083",
    "10, 0, 3, 7, 0.0030959752321981426",
    "9, 1, 4, 6, 0.05727554179566564",
    "5, 0, 1, 4, 0.047619047619047616",
    "5, 0, 2, 3, 0.16666666666666666",
    "2, 2, 2, 2, 1.0",
    "0, 0, 3, 2, 1.0",
    "4, 0, 3, 0, 1.0"
  })
  void matchesKnownTables(int a, int b, int c, int d, double expected) {
    assertThat(FisherExact.twoSided(a, b, c, d)).isCloseTo(expected, within(1e-9));
  }

  @ParameterizedTest(name = "[[{0},{1}],[{2},{3}]]")
  @CsvSource({"5, 0, 0, 5", "7, 3, 2, 8", "1, 9, 11, 3"})
  void isSymmetricInTheRows(int a, int b, int c, int d) {
    assertThat(FisherExact.twoSided(a, b, c, d))
        .isCloseTo(FisherExact.twoSided(c, d, a, b), within(1e-12));
  }

  @ParameterizedTest(name = "{0} attempts then {1}: smallest p={2}")
  @CsvSource({"1, 1, 1.0", "1, 2, 0.3333333333333333", "3, 3, 0.1", "4, 4, 0.02857142857142857"})
  void knowsTheSmallestPValueAFewAttemptsCanReach(int before, int after, double expected) {
    assertThat(FisherExact.smallestTwoSided(before, after)).isCloseTo(expected, within(1e-9));
  }
}
