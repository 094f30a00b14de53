package dev.evals.modes.app;

import dev.evals.cases.CaseDefinition;
import dev.evals.cases.Fixtures;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.RulesReader;
import dev.evals.modes.ToolMode;

/**
 * App mode: the model builds or edits a Windmill raw app (React frontend files, inline backend
 * runnables, datatables) through file tools. Fixtures are folders in Windmill's app layout.
 */
public final class AppMode extends ToolMode {

  public AppMode() {
    super("app", AppRules.NAMES);
  }

  @Override
  public PreparedCase prepare(CaseDefinition definition, Fixtures fixtures) {
    AppRules rules = RulesReader.read(definition, AppRules.class, AppRules.NONE);
    AppState initial = null;
    if (definition.initial() != null) {
      initial =
          AppFixtureReader.read(
              definition, "initial", fixtures.resolve(definition, "initial", definition.initial()));
    }
    AppState expected = null;
    if (definition.expected() != null) {
      expected =
          AppFixtureReader.read(
              definition,
              "expected",
              fixtures.resolve(definition, "expected", definition.expected()));
    }
    return new PreparedAppCase(definition, systemPrompt(), initial, expected, rules);
  }
}
