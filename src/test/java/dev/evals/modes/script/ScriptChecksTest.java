package dev.evals.modes.script;

import static dev.evals.modes.script.ScriptJson.script;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.validate.Check;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScriptChecksTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                                                      | the script is empty",
        "'export async function main() {\n  // TODO: call the API\n}' | placeholder at line 2: '// TODO: call the API'",
        "'def main():\n    pass\n'                               | placeholder at line 1",
        "'def main():\n    raise NotImplementedError()'          | 'NotImplemented'",
        "'export function main() {\n  ...\n}'                    | placeholder at line 2: '...'",
        "'export async function main(x: string) {}'              | 'export async function main(x: string) {}'",
        "'func main() (string, error) {}'                        | placeholder at line 1",
        "'# your code here\necho 1'                              | 'your code here'",
      })
  void findsPlaceholderCode(String code, String detail) {
    assertThat(ScriptChecks.placeholder(code.replace("\\n", "\n"))).contains(detail);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "export async function main(x: number) { return x * 2 }",
        "def main(items: list):\n    return [i for i in items if i]",
        "const all = [...a, ...b]",
        "def main():\n    pass_count = 1\n    return pass_count",
      })
  void acceptsRealCode(String code) {
    assertThat(ScriptChecks.placeholder(code.replace("\\n", "\n"))).isNull();
  }

  @Test
  void bashAndSqlNeedNoMainAndSayWhy() {
    Check bash = ScriptChecks.entryPoint("echo \"$1\"", ScriptLanguage.BASH);
    Check sql = ScriptChecks.entryPoint("SELECT $1::INT", ScriptLanguage.POSTGRESQL);

    assertThat(bash.passed()).isTrue();
    assertThat(bash.detail()).contains("bash scripts need no main").contains("positional");
    assertThat(sql.passed()).isTrue();
    assertThat(sql.detail()).contains("-- $1 name");
  }

  @Test
  void anUnknownLanguageFailsWithTheKnownNames() {
    List<Check> checks = ScriptChecks.check(script("typescript", "export function main() {}"));

    assertThat(checks)
        .filteredOn(check -> check.name().equals(ScriptChecks.LANGUAGE_KNOWN))
        .singleElement()
        .satisfies(
            check -> {
              assertThat(check.passed()).isFalse();
              assertThat(check.detail()).contains("'typescript'").contains("bun, bunnative");
            });
  }

  @Test
  void shellSyntaxIsReportedAsNotChecked() {
    Check check = ScriptChecks.syntax("echo (", ScriptLanguage.BASH);

    assertThat(check.passed()).isTrue();
    assertThat(check.detail()).isEqualTo("not checked for bash");
  }
}
