package dev.evals.modes.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppPathsTest {

  @ParameterizedTest
  @CsvSource({
    "index.tsx, /index.tsx",
    "/index.tsx, /index.tsx",
    "components/List.tsx, /components/List.tsx",
    "/lib/format.ts, /lib/format.ts"
  })
  void normalisesPathsInsideTheAppRoot(String given, String normalised) {
    assertThat(AppPaths.frontend(given)).isEqualTo(normalised);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "../x.tsx | escapes the app root",
        "/components/../../x.tsx | escapes the app root",
        "./index.tsx | escapes the app root",
        "//etc/passwd | is an absolute path",
        "C:/Windows/x.ts | is an absolute path",
        "~/x.ts | is an absolute path",
        "components\\x.tsx | backslash",
        "components//x.tsx | empty folder or file name",
        "components/ | empty folder or file name"
      })
  void refusesPathsThatCouldLeaveTheRoot(String given, String reason) {
    assertThatThrownBy(() -> AppPaths.frontend(given))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason);
  }

  @ParameterizedTest
  @CsvSource({
    "listItems, true",
    "$load, true",
    "_x1, true",
    "1st, false",
    "a-b, false",
    "../x, false"
  })
  void runnableKeysAreIdentifiers(String key, boolean valid) {
    assertThat(AppPaths.isKey(key)).isEqualTo(valid);
  }
}
