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
public final class AppMode extends ToolMode<AppRules> {

  public AppMode() {
    super(
        "app",
        AppRules.NAMES,
        Defects.NONE,
        definition -> RulesReader.read(definition, AppRules.class, AppRules.NONE));
  }

  @Override
  protected PreparedCase prepare(CaseDefinition definition, Fixtures fixtures, AppRules rules) {
    StartAndGoal<AppState> drafts =
        startAndGoal(definition, (field, path) -> read(definition, fixtures, field, path));
    AppState initial = drafts.initial();
    AppState expected = drafts.expected();
    return new PreparedAppCase(definition, systemPrompt(), initial, expected, rules);
  }

  private static AppState read(
      CaseDefinition definition, Fixtures fixtures, String field, String path) {
    return AppFixtureReader.read(definition, field, fixtures.resolve(definition, field, path));
  }
}
