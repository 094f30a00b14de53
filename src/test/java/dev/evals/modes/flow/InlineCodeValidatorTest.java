package dev.evals.modes.flow;

import static dev.evals.modes.flow.FlowJson.flow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.validate.Check;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InlineCodeValidatorTest {

  @ParameterizedTest(name = "{0} labelled {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "typescript | python3 | 'export async function main(a: string) { return a; }'"
            + " | labelled python3 but its code is typescript",
        "python     | bun     | 'def main(a: str):\\n    return a' | labelled bun but its code is python",
        "typescript | cobol   | 'export async function main(a: string) { return a; }'"
            + " | labelled 'cobol', not a Windmill language",
      })
  void codeMustBeInItsLabelledWindmillLanguage(
      String written, String label, String code, String problem) {
    Check check = check(step(label, code), InlineCodeValidator.LANGUAGES);

    assertThat(check.passed()).isFalse();
    assertThat(check.detail()).contains("step 's1'", problem);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bun     | 'export async function main(a: string) { return a; }'",
        "python3 | 'def main(a: str):\\n    return a'",
        "bash    | 'echo $1'",
      })
  void soundCodePassesEveryCodeCheck(String label, String code) {
    FlowState flow = step(label, code);

    assertThat(InlineCodeValidator.check(flow.parse())).allMatch(Check::passed);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'export async function main() { return 1; }' | passes input 'a', but main takes only nothing",
        "'export function handler(a: string) { return a; }' | no 'export async function main",
      })
  void inputsMustReachAMainThatTakesThem(String code, String problem) {
    List<Check> checks = InlineCodeValidator.check(step("bun", code).parse());

    assertThat(checks)
        .filteredOn(c -> !c.passed())
        .extracting(Check::detail)
        .anySatisfy(detail -> assertThat(detail).contains(problem));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'def main(**kwargs):\\n    return kwargs' | python3",
        "'export async function main(...args: any[]) { return args; }' | bun"
      })
  void mainGatheringEveryArgumentTakesAnyInput(String code, String label) {
    assertThat(check(step(label, code), InlineCodeValidator.ARGUMENTS).passed()).isTrue();
  }

  private static FlowState step(String language, String code) {
    String escaped = code.replace("\\n", "\\\\n").replace("\"", "\\\\\"");
    return flow(
        List.of("a"),
        "{'id': 's1', 'value': {'type': 'rawscript', 'language': '"
            + language
            + "', 'content': '"
            + escaped
            + "', 'input_transforms': {'a': {'type': 'javascript', 'expr': 'flow_input.a'}}}}");
  }

  private static Check check(FlowState flow, String name) {
    return InlineCodeValidator.check(flow.parse()).stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
