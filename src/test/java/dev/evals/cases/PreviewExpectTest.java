package dev.evals.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PreviewExpectTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{'f': 212}                      | {'f': 212.0}                      | true",
        "{'a': 1, 'b': [1, 2]}           | {'b': [1, 2], 'a': 1}             | true",
        "{'a': 1}                        | {'a': 1, 'b': 2}                  | false",
        "[1, 2]                          | [2, 1]                            | false",
        "'Hello'                         | 'Hello, Ada'                      | false",
        "null                            | null                              | true",
        "42                              | '42'                              | false",
      })
  void comparesTheWholeResult(String expected, String actual, boolean matches) {
    assertThat(new PreviewExpect(json(expected), null).mismatch(json(actual)).isEmpty())
        .isEqualTo(matches);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{'a': 1}                        | {'a': 1, 'b': 2}                  | true",
        "'Ada'                           | {'greeting': 'Hello, Ada!'}       | true",
        "{'total': 4}                    | {'rows': [{'total': 4.0}]}        | true",
        "[3, 1]                          | [1, 2, 3]                         | true",
        "[4]                             | [1, 2, 3]                         | false",
        "{'a': {'b': 'x'}}               | {'a': {'b': 'xyz', 'c': 1}}       | true",
        "{'a': 2}                        | {'a': 1, 'b': {'a': 3}}           | false",
        "true                            | {'ok': true}                      | true",
        "'Ada'                           | {'name': 'Grace'}                 | false",
      })
  void findsAPartOfTheResultAtAnyDepth(String part, String actual, boolean matches) {
    assertThat(new PreviewExpect(null, json(part)).mismatch(json(actual)).isEmpty())
        .isEqualTo(matches);
  }

  @Test
  void namesExpectedAndActualWhenTheyDiffer() {
    assertThat(new PreviewExpect(json("{'f': 212}"), null).mismatch(json("{'f': 213}")))
        .contains("expected result {\"f\":212}, got {\"f\":213}");
  }

  @Test
  void needsExactlyOneOfResultAndResultContains() {
    assertThatThrownBy(() -> new PreviewExpect(null, null))
        .hasMessageContaining("exactly one of result and resultContains");
    assertThatThrownBy(() -> new PreviewExpect(json("1"), json("1")))
        .hasMessageContaining("exactly one of result and resultContains");
  }

  private static JsonNode json(String text) {
    try {
      return Mappers.json().readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
