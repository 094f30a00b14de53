package dev.evals.report.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PassAtKTest {

  // Hand-computed: n=5, c=2. C(5,k) = 5, 10, 10, 5, 1; C(3,k) = 3, 3, 1, 0, 0; C(2,k) = 2, 1, 0...
  @ParameterizedTest(name = "n={0} c={1} k={2}: pass@k={3} pass^k={4}")
  @CsvSource({
    "5, 2, 1, 0.4, 0.4",
    "5, 2, 2, 0.7, 0.1",
    "5, 2, 3, 0.9, 0.0",
    "5, 2, 4, 1.0, 0.0",
    "5, 2, 5, 1.0, 0.0",
    "5, 5, 5, 1.0, 1.0",
    "5, 0, 3, 0.0, 0.0",
    "4, 3, 2, 1.0, 0.5",
    "10, 7, 3, 0.9916666666666667, 0.2916666666666667"
  })
  void matchesTheBinomialFormulas(int n, int c, int k, double passAt, double passHat) {
    assertThat(PassAtK.passAtK(n, c, k)).isCloseTo(passAt, within(1e-12));
    assertThat(PassAtK.passHatK(n, c, k)).isCloseTo(passHat, within(1e-12));
  }

  @Test
  void listsEveryKFromOneToNRounded() {
    assertThat(PassAtK.passAtKs(3, 1)).containsExactly(0.3333, 0.6667, 1.0);
    assertThat(PassAtK.passHatKs(3, 2)).containsExactly(0.6667, 0.3333, 0.0);
    assertThat(PassAtK.passAtKs(0, 0)).isEmpty();
  }

  @Test
  void refusesAKBeyondTheAttempts() {
    assertThatThrownBy(() -> PassAtK.passAtK(3, 1, 4)).isInstanceOf(IllegalArgumentException.class);
  }
}
