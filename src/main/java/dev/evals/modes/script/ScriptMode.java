package dev.evals.modes.script;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.cases.CaseDefinition;
import dev.evals.cases.Fixtures;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.ToolMode;

/** Script mode: the model writes or edits one Windmill script through tools. */
public final class ScriptMode extends ToolMode {

  public ScriptMode() {
    super("script", ScriptRules.NAMES);
  }

  @Override
  public boolean mutates() {
    return true;
  }

  @Override
  public PreparedCase prepare(CaseDefinition definition, Fixtures fixtures) {
    ScriptRules rules = ScriptRulesReader.read(definition);
    ScriptState initial = null;
    if (definition.initial() != null) {
      initial = read(definition, fixtures, "initial", definition.initial());
    }
    ScriptState expected = null;
    if (definition.expected() != null) {
      expected = read(definition, fixtures, "expected", definition.expected());
      if (expected.knownLanguage().isEmpty()) {
        throw definition.error(
            "expected",
            "expected script has unknown language '"
                + expected.language()
                + "'; languages: "
                + String.join(", ", ScriptLanguage.names()));
      }
    }
    return new PreparedScriptCase(definition, systemPrompt(), initial, expected, rules);
  }

  private static ScriptState read(
      CaseDefinition definition, Fixtures fixtures, String field, String path) {
    JsonNode node = fixtures.readTree(definition, field, path);
    try {
      return ScriptState.fromFixture(node);
    } catch (IllegalArgumentException e) {
      throw definition.error(field, field + " fixture is not a script: " + e.getMessage());
    }
  }
}
