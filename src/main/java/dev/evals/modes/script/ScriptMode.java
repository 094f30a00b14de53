package dev.evals.modes.script;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.cases.CaseDefinition;
import dev.evals.cases.Fixtures;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.ToolMode;

/** Script mode: the model writes or edits one Windmill script through tools. */
public final class ScriptMode extends ToolMode<ScriptRules> {

  public ScriptMode() {
    super("script", ScriptRules.NAMES, Defects.DERIVED, ScriptRulesReader::read);
  }

  @Override
  protected PreparedCase prepare(CaseDefinition definition, Fixtures fixtures, ScriptRules rules) {
    StartAndGoal<ScriptState> drafts =
        startAndGoal(definition, (field, path) -> read(definition, fixtures, field, path));
    ScriptState initial = drafts.initial();
    ScriptState expected = drafts.expected();
    if (expected != null && expected.knownLanguage().isEmpty()) {
      throw definition.error(
          "expected",
          "expected script has unknown language '"
              + expected.language()
              + "'; languages: "
              + String.join(", ", ScriptLanguage.names()));
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
