package dev.evals.modes.script;

import static dev.evals.modes.script.ScriptJson.script;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.validate.Check;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptValidatorTest {

  private static final ScriptState EXPECTED =
      script("python3", "def main(owner: str, repo: str):\n    return owner + repo");

  @Test
  void aDifferentLanguageOrSignatureThanExpectedFailsWithBoth() {
    ScriptValidator validator = new ScriptValidator(ScriptRules.NONE, null, EXPECTED);

    List<Check> checks =
        validator.validate(script("bun", "export function main(owner: string) { return owner }"));

    assertThat(checks)
        .filteredOn(check -> !check.passed())
        .extracting(Check::name, Check::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                ScriptValidator.SAME_LANGUAGE,
                "the script is 'bun', the expected script is 'python3'"),
            org.assertj.core.groups.Tuple.tuple(
                ScriptValidator.SAME_PARAMS,
                "main takes [owner], the expected script takes [owner, repo]"));
  }

  @Test
  void anUnchangedInitialScriptFailsTheDiffersCheck() {
    ScriptValidator validator = new ScriptValidator(ScriptRules.NONE, EXPECTED, null);

    assertThat(validator.validate(EXPECTED))
        .filteredOn(check -> !check.passed())
        .extracting(Check::name)
        .containsExactly(ScriptValidator.DIFFERS);
  }

  @Test
  void aCaseWithoutInitialOrExpectedHasOnlyTheCommonChecks() {
    ScriptValidator validator = new ScriptValidator(ScriptRules.NONE, null, null);

    assertThat(validator.validate(EXPECTED))
        .extracting(Check::name)
        .containsExactly(
            ScriptChecks.LANGUAGE_KNOWN,
            ScriptChecks.ENTRY_POINT,
            ScriptChecks.SYNTAX,
            ScriptChecks.NO_PLACEHOLDERS);
  }

  @Test
  void problemsForTheModelLeaveOutTheCaseRules() {
    ScriptValidator validator =
        new ScriptValidator(ScriptJson.rules("{'requiredPatterns': ['secret']}"), null, null);

    assertThat(validator.problems(EXPECTED)).isEmpty();
    assertThat(validator.problems(script("python3", "def run(:\n")))
        .containsExactly(
            "main entry point failed: no top-level 'def main(...)' found",
            "brackets and strings balance failed: unclosed '(' opened at line 1");
  }
}
