package dev.evals.modes.script;

import dev.evals.validate.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The deterministic checks of a script case: the common checks always, then the case's rules, the
 * change from the initial script and the shape shared with the expected script.
 */
public final class ScriptValidator {

  static final String DIFFERS = "script differs from initial";
  static final String SAME_LANGUAGE = "language matches expected";
  static final String SAME_PARAMS = "main parameters match expected";

  private final ScriptRules rules;
  private final ScriptState initial;
  private final ScriptState expected;

  /**
   * @param rules the case's rules
   * @param initial the script the model started from, or null when it started empty
   * @param expected a reference solution, or null
   */
  public ScriptValidator(ScriptRules rules, ScriptState initial, ScriptState expected) {
    this.rules = rules;
    this.initial = initial;
    this.expected = expected;
  }

  public List<Check> validate(ScriptState script) {
    List<Check> checks = new ArrayList<>(ScriptChecks.check(script));
    checks.addAll(RuleChecks.check(script, rules));
    if (initial != null && !initial.isBlank()) {
      checks.add(
          Check.of(
              DIFFERS,
              !initial.content().strip().equals(script.content().strip())
                  || !initial.language().equals(script.language()),
              "the script is unchanged from the initial script"));
    }
    if (expected != null) {
      checks.addAll(againstExpected(script));
    }
    return checks;
  }

  /**
   * What is wrong with a script independent of the case's rules: the answer {@code set_script}
   * gives so the model can correct itself. Empty when the script is sound.
   */
  public List<String> problems(ScriptState script) {
    return ScriptChecks.check(script).stream()
        .filter(check -> !check.passed())
        .map(check -> check.name() + " failed: " + check.detail())
        .toList();
  }

  private List<Check> againstExpected(ScriptState script) {
    List<Check> checks = new ArrayList<>();
    checks.add(
        Check.of(
            SAME_LANGUAGE,
            expected.language().equalsIgnoreCase(script.language()),
            "the script is '"
                + script.language()
                + "', the expected script is '"
                + expected.language()
                + "'"));
    Optional<List<String>> wanted = paramNames(expected);
    if (wanted.isPresent()) {
      Optional<List<String>> actual = paramNames(script);
      checks.add(
          Check.of(
              SAME_PARAMS,
              actual.equals(wanted),
              "main takes "
                  + actual.map(String::valueOf).orElse("nothing (no main found)")
                  + ", the expected script takes "
                  + wanted.get()));
    }
    return checks;
  }

  private static Optional<List<String>> paramNames(ScriptState script) {
    return script
        .knownLanguage()
        .flatMap(language -> EntryPoint.signature(script.content(), language))
        .map(MainSignature::names);
  }
}
