package dev.evals.modes.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.modes.script.ScriptLanguage.Family;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SyntaxBalanceTest {

  static Stream<Arguments> balanced() {
    return Stream.of(
        Arguments.of(
            Family.TYPESCRIPT, "export function main(a: number) {\n  return [a, {b: 1}]\n}"),
        Arguments.of(Family.TYPESCRIPT, "const s = \"}{)(\"; const t = '[[';"),
        Arguments.of(Family.TYPESCRIPT, "// a } in a comment\nconst x = 1;"),
        Arguments.of(Family.TYPESCRIPT, "/* ( [ {\n multi-line */ const x = (1);"),
        Arguments.of(Family.TYPESCRIPT, "const t = `a ${ {k: [1]}.k } b ${`nested ${x}`} }`;"),
        Arguments.of(Family.TYPESCRIPT, "const t = `line one {\nline two (`;"),
        Arguments.of(Family.TYPESCRIPT, "const e = 'it\\'s ok {';"),
        Arguments.of(Family.TYPESCRIPT, "const r = /\\(+[)}]/g; const d = a / b / (c);"),
        Arguments.of(Family.TYPESCRIPT, "const o = { url: \"https://x.dev/a\" } // done"),
        Arguments.of(Family.PYTHON, "def main(a: int):\n    return {\"a\": [a]}  # } ) ]"),
        Arguments.of(Family.PYTHON, "doc = \"\"\"an open ( and a { in\ndocs\"\"\"\nx = ''' ] '''"),
        Arguments.of(Family.PYTHON, "s = 'a # not a comment {'\nt = f\"{x}\""),
        Arguments.of(Family.PYTHON, "x = a // b  # floor division, not a comment"),
        Arguments.of(
            Family.GO, "func main() (string, error) {\n\treturn `raw { ( ` + \"}\", nil\n}"),
        Arguments.of(Family.GO, "var r = '{' // rune"),
        Arguments.of(
            Family.SQL, "-- $1 name (\nSELECT 'it''s (' AS t, \"col)\" FROM x WHERE (a = $1);"),
        Arguments.of(Family.SQL, "/* ( */ SELECT 1;"),
        Arguments.of(Family.SHELL, "echo \"unbalanced ( is not checked"),
        Arguments.of(Family.POWERSHELL, "param([string]$Name"));
  }

  @ParameterizedTest
  @MethodSource("balanced")
  void acceptsBalancedCode(Family family, String code) {
    assertThat(SyntaxBalance.problems(code, family)).isEmpty();
  }

  static Stream<Arguments> unbalanced() {
    return Stream.of(
        Arguments.of(
            Family.TYPESCRIPT,
            "export function main() {\n  return 1\n",
            "unclosed '{' opened at line 1"),
        Arguments.of(
            Family.TYPESCRIPT,
            "const a = [1, 2);",
            "')' at line 1 does not close '[' opened at line 1"),
        Arguments.of(Family.TYPESCRIPT, "x()\n}", "unexpected '}' at line 2 closes nothing"),
        Arguments.of(
            Family.TYPESCRIPT,
            "const s = \"open\nnext\";",
            "unterminated string starting at line 1"),
        Arguments.of(
            Family.TYPESCRIPT,
            "const t = `open ${x}",
            "unterminated template literal starting at line 1"),
        Arguments.of(
            Family.TYPESCRIPT,
            "const t = `a ${ call( }`",
            "'}' at line 1 does not close '(' opened at line 1"),
        Arguments.of(Family.TYPESCRIPT, "const t = `a ${ x ", "unclosed '${' opened at line 1"),
        Arguments.of(
            Family.TYPESCRIPT,
            "x = 1 /* never\nclosed",
            "unterminated block comment starting at line 1"),
        Arguments.of(
            Family.PYTHON,
            "def main():\n    return {'a': (1}",
            "'}' at line 2 does not close '(' opened at line 2"),
        Arguments.of(
            Family.PYTHON,
            "x = \"\"\"never\nclosed\"\"",
            "unterminated triple-quoted string starting at line 1"),
        Arguments.of(Family.PYTHON, "x = 'abc", "unterminated string starting at line 1"),
        Arguments.of(
            Family.GO, "func main() {\n\ts := `raw", "unterminated raw string starting at line 2"),
        Arguments.of(Family.SQL, "SELECT count(* FROM t;", "unclosed '(' opened at line 1"),
        Arguments.of(
            Family.SQL, "SELECT 'it''s FROM t;", "unterminated quoted text starting at line 1"));
  }

  @ParameterizedTest
  @MethodSource("unbalanced")
  void reportsTheFirstProblemWithItsLine(Family family, String code, String problem) {
    assertThat(SyntaxBalance.problems(code, family)).containsExactly(problem);
  }
}
