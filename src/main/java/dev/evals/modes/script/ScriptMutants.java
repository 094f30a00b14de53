package dev.evals.modes.script;

import dev.evals.cases.CaseDefinition;
import dev.evals.modes.Mutant;
import dev.evals.modes.script.ScriptLanguage.Family;
import java.util.ArrayList;
import java.util.List;

/** Seeded defects of an expected script, each written through {@code set_script}. */
final class ScriptMutants {

  private final CaseDefinition definition;
  private final ScriptState expected;
  private final List<Mutant> mutants = new ArrayList<>();

  private ScriptMutants(CaseDefinition definition, ScriptState expected) {
    this.definition = definition;
    this.expected = expected;
  }

  static List<Mutant> of(CaseDefinition definition, ScriptState expected) {
    ScriptMutants all = new ScriptMutants(definition, expected);
    ScriptLanguage language = expected.knownLanguage().orElse(null);
    if (language == null) {
      return List.of();
    }
    String code = expected.content();
    for (int variant = 0; variant < 2; variant++) {
      all.code(
          "placeholder-code",
          "main's body replaced by a stub",
          ScriptChecks.NO_PLACEHOLDERS,
          CodeDefects.stubbed(code, language, variant));
    }
    all.relabel("language-unknown", "cobol", ScriptChecks.LANGUAGE_KNOWN);
    all.relabel("language-mislabelled", otherLanguage(language), ScriptValidator.SAME_LANGUAGE);
    String last = CodeDefects.lastParameter(code, language);
    all.code(
        "removed-main-param",
        "main no longer takes '" + last + "'",
        ScriptValidator.SAME_PARAMS,
        language.needsMain() ? CodeDefects.withoutLastParameter(code, language) : null);
    all.code(
        "missing-main",
        "main renamed to handler",
        ScriptChecks.ENTRY_POINT,
        language.needsMain() ? CodeDefects.withoutMain(code, language) : null);
    String bumped = CodeDefects.bumpedLiteral(code, language);
    if (bumped != null) {
      all.add(
          "semantic", false, "a number in the code is one higher", "(none)", all.withCode(bumped));
    }
    return List.copyOf(all.mutants);
  }

  private static String otherLanguage(ScriptLanguage language) {
    return language.family() == Family.PYTHON ? "bun" : "python3";
  }

  private void code(String defectClass, String description, String check, String broken) {
    if (broken != null && !broken.equals(expected.content())) {
      add(defectClass, true, description, check, withCode(broken));
    }
  }

  private void relabel(String defectClass, String language, String check) {
    add(
        defectClass,
        true,
        "language " + expected.language() + " -> " + language,
        check,
        new ScriptState(expected.path(), language, expected.content(), expected.args()));
  }

  private ScriptState withCode(String content) {
    return new ScriptState(expected.path(), expected.language(), content, expected.args());
  }

  private void add(
      String defectClass, boolean structural, String description, String check, ScriptState s) {
    mutants.add(
        new Mutant(defectClass, structural, description, check, ScriptReference.of(definition, s)));
  }
}
