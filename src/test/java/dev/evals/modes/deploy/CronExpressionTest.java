package dev.evals.modes.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronExpressionTest {

  @ParameterizedTest(name = "accepts ''{0}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "0 30 7 * * *          | true",
        "30 7 * * *            | false",
        "*/15 * * * * ?        | true",
        "0 0 9-17/2 * * MON-FRI | true",
        "0 0 0 1,15 JAN,jul ?  | true",
        "0 0 12 ? * sun        | true",
        "59 59 23 31 12 7      | true",
        "0 5/10 * * * *        | true",
        "0 0 0 L * *           | ERROR",
      })
  void acceptsWindmillCronWithOrWithoutSeconds(String text, String seconds) {
    if (seconds.equals("ERROR")) {
      assertThatThrownBy(() -> CronExpression.parse(text))
          .isInstanceOf(IllegalArgumentException.class);
      return;
    }
    assertThat(CronExpression.parse(text).hasSeconds()).isEqualTo(Boolean.parseBoolean(seconds));
  }

  @ParameterizedTest(name = "rejects ''{0}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                    | empty",
        "* * * *               | has 4 fields",
        "0 0 0 0 * * * *       | has 8 fields",
        "60 * * * * *          | second value 60 is out of range 0-59",
        "0 60 * * * *          | minute value 60 is out of range 0-59",
        "0 0 24 * * *          | hour value 24 is out of range 0-23",
        "0 0 0 0 * *           | day-of-month value 0 is out of range 1-31",
        "0 0 0 * 13 *          | month value 13 is out of range 1-12",
        "0 0 0 * * 8           | day-of-week value 8 is out of range 0-7",
        "0 0 0 * FOO *         | 'FOO' is not a valid month value",
        "0 0 0 * * MONDAY      | 'MONDAY' is not a valid day-of-week value",
        "? * * * * *           | '?' is only allowed in day-of-month and day-of-week",
        "0 */0 * * * *         | step 0 in minute must be between 1 and 59",
        "0 */x * * * *         | 'x' is not a valid minute step",
        "0 0 17-9 * * *        | range 17-9 in hour goes backwards",
        "0 0 1,,2 * * *        | empty list item in hour",
        "0 0 -1 * * *          | '-1' is not a valid hour value",
      })
  void rejectsMalformedFieldsNamingTheProblem(String text, String problem) {
    assertThatThrownBy(() -> CronExpression.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(problem);
  }
}
