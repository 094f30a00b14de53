package dev.evals.modes.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.validate.Check;
import java.util.List;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AppValidatorTest {

  static Stream<Arguments> structureRules() {
    return Stream.of(
        rule(AppValidator.ENTRY, app -> app, true, ""),
        rule(
            AppValidator.ENTRY,
            app -> app.withoutFile("/index.tsx").withFile("/main.tsx", AppFixtures.ENTRY),
            false,
            "no entry file; add one of /index.tsx"),
        rule(AppValidator.ENTRY, app -> rename(app, "/index.jsx"), true, ""),
        rule(AppValidator.NON_EMPTY, app -> app, true, ""),
        rule(
            AppValidator.NON_EMPTY,
            app -> app.withFile("/components/Blank.tsx", "  \n"),
            false,
            "frontend file /components/Blank.tsx is empty"),
        rule(AppValidator.CALLS, app -> app, true, ""),
        rule(
            AppValidator.CALLS,
            app -> app.withFile("/b.tsx", "await backend . decrement ({x: 1})"),
            false,
            "/b.tsx calls backend.decrement(...) but there is no runnable 'decrement';"
                + " runnables: [increment]"),
        rule(
            AppValidator.CALLS,
            app -> app.withoutRunnable("increment"),
            false,
            "/index.tsx calls backend.increment(...) but there is no runnable 'increment';"
                + " runnables: none"),
        rule(AppValidator.MAINS, app -> app, true, ""),
        rule(
            AppValidator.MAINS,
            app -> app.withRunnable("helper", BackendRunnable.inline("h", "bun", "const x = 1")),
            false,
            "runnable 'helper' (bun) does not define export async function main(...)"),
        rule(
            AppValidator.MAINS,
            app ->
                app.withRunnable(
                    "py", BackendRunnable.inline("p", "python3", "def main(a: int):\n  return a")),
            true,
            ""),
        rule(
            AppValidator.MAINS,
            app ->
                app.withRunnable(
                    "py", BackendRunnable.inline("p", "python3", "def handler(a):\n  return a")),
            false,
            "runnable 'py' (python3) does not define def main(...)"),
        rule(AppValidator.INSIDE_ROOT, app -> app, true, ""),
        rule(
            AppValidator.INSIDE_ROOT,
            app -> app.withFile("/../secrets.ts", "x"),
            false,
            "frontend path '/../secrets.ts' is not inside the app root"),
        rule(
            AppValidator.INSIDE_ROOT,
            app ->
                app.withRunnable("../x", BackendRunnable.inline("x", "bun", AppFixtures.TS_MAIN)),
            false,
            "runnable key '../x' is not an identifier"));
  }

  @ParameterizedTest(name = "{0} {2}: {3}")
  @MethodSource("structureRules")
  void structureChecksPassOrFailWithAPreciseDetail(
      String check, UnaryOperator<AppState> edit, boolean passes, String detail) {
    AppState app = edit.apply(AppFixtures.counter());

    Check result = find(new AppValidator(AppRules.NONE, null).validate(app, List.of()), check);

    assertThat(result.passed()).as(result.detail()).isEqualTo(passes);
    assertThat(result.detail()).contains(detail);
  }

  @Test
  void anUnchangedAppFailsTheDiffersCheckOnlyWhenTheCaseStartsFromAnApp() {
    AppState initial = AppFixtures.counter();
    AppValidator validator = new AppValidator(AppRules.NONE, initial);

    assertThat(find(validator.validate(initial, List.of()), AppValidator.DIFFERS).passed())
        .isFalse();
    assertThat(
            find(
                    validator.validate(initial.withFile("/x.ts", "export {}"), List.of()),
                    AppValidator.DIFFERS)
                .passed())
        .isTrue();
    assertThat(new AppValidator(AppRules.NONE, null).validate(initial, List.of()))
        .extracting(Check::name)
        .doesNotContain(AppValidator.DIFFERS);
  }

  @Test
  void toolNotesLeaveOutTheMissingEntrySoAnAppCanBeBuiltFileByFile() {
    AppState partial = AppState.EMPTY.withFile("/components/A.tsx", "backend.load()");

    assertThat(AppValidator.problems(partial))
        .containsExactly(
            "/components/A.tsx calls backend.load(...) but there is no runnable 'load';"
                + " runnables: none");
  }

  private static Arguments rule(
      String check, UnaryOperator<AppState> edit, boolean passes, String detail) {
    return Arguments.of(check, edit, passes, detail);
  }

  private static AppState rename(AppState app, String entry) {
    TreeMap<String, String> files = new TreeMap<>(app.frontend());
    files.put(entry, files.remove("/index.tsx"));
    return new AppState(files, app.backend(), app.datatables());
  }

  static Check find(List<Check> checks, String name) {
    return checks.stream()
        .filter(check -> check.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check '" + name + "' in " + checks));
  }
}
