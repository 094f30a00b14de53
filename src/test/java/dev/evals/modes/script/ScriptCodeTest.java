package dev.evals.modes.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.modes.script.ScriptLanguage.Family;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScriptCodeTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bun     | 'export async function main(x: number) {\\n  return null;\\n}'",
        "bun     | 'export async function main(x: number) {\\n  return {};\\n}'",
        "bun     | 'export async function main() {\\n  return;\\n}'",
        "bun     | 'export function main(a: { b: string }): Promise<{ c: number }> {\\n}'",
        "deno    | 'export async function main() { return undefined }'",
        "python3 | 'def main(x: int):\\n    pass\\n'",
        "python3 | 'def main(x: int) -> dict:\\n    \"\"\"Does it.\"\"\"\\n    return None\\n'",
        "python3 | 'def main():\\n    return {}\\n\\ndef helper():\\n    return 1\\n'",
        "go      | 'package inner\\n\\nfunc main(x string) (interface{}, error) {\\n  return nil, nil\\n}'",
      })
  void findsAMainThatDoesNothing(String language, String code) {
    assertThat(ScriptCode.stubbedMain(unescape(code), lang(language))).startsWith("main does");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bun     | 'export async function main(x: number) {\\n  return x * 2;\\n}'",
        "bun     | 'export function main(a: { b: string }): { c: number } {\\n  return { c: 1 };\\n}'",
        "bun     | 'export async function main() {\\n  if (x) return null;\\n  return 1;\\n}'",
        "python3 | 'def main(x):\\n    if x:\\n        pass\\n    return x\\n'",
        "python3 | 'def main(x):\\n    return None if x else 1\\n'",
        "go      | 'package inner\\n\\nfunc main(x string) (string, error) {\\n  return x, nil\\n}'",
        "bash    | 'echo hi'",
      })
  void leavesAMainThatWorksAlone(String language, String code) {
    assertThat(ScriptCode.stubbedMain(unescape(code), lang(language))).isNull();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "TYPESCRIPT | 'export async function main(x: string) {\\n  return x;\\n}'",
        "TYPESCRIPT | 'export default async function (x) { return x }'",
        "PYTHON     | 'import os\\n\\ndef main(x: str):\\n    return x\\n'",
        "GO         | 'package inner\\n\\nfunc main() (string, error) { return \"\", nil }'",
      })
  void tellsTheLanguageCodeIsPlainlyWrittenIn(Family family, String code) {
    assertThat(ScriptCode.writtenIn(unescape(code))).contains(family);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"'SELECT 1;'", "'echo \"$1\"'", "'// def main(x):\\nexport const x = 1'"})
  void claimsNoLanguageWithoutASign(String code) {
    assertThat(ScriptCode.writtenIn(unescape(code))).isEmpty();
  }

  private static ScriptLanguage lang(String name) {
    return ScriptLanguage.named(name).orElseThrow();
  }

  private static String unescape(String code) {
    return code.replace("\\n", "\n");
  }
}
