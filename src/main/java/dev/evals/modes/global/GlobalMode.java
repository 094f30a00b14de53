package dev.evals.modes.global;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.cases.CaseDefinition;
import dev.evals.cases.Fixtures;
import dev.evals.datatable.DatatableSeed;
import dev.evals.json.Mappers;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.RulesReader;
import dev.evals.modes.ToolMode;
import dev.evals.modes.app.AppFixtureReader;
import dev.evals.modes.app.AppState;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Global mode: Windmill's workspace-wide assistant. The model reads and writes scripts, flows,
 * schedules, triggers, variables, resources and raw apps of a workspace, and leaves its changes as
 * AI drafts unless the user asks it to deploy.
 */
public final class GlobalMode extends ToolMode<GlobalRules> {

  public GlobalMode() {
    super(
        "global",
        GlobalRules.NAMES,
        Defects.DERIVED,
        definition -> RulesReader.read(definition, GlobalRules.class, GlobalRules.NONE));
  }

  @Override
  public int defaultConcurrency() {
    return 3;
  }

  @Override
  protected PreparedCase prepare(CaseDefinition definition, Fixtures fixtures, GlobalRules rules) {
    InitialWorkspace initial = InitialWorkspace.EMPTY;
    if (definition.initial() != null) {
      initial = initial(definition, fixtures);
    }
    ExpectedOutcome expected = null;
    if (definition.expected() != null) {
      expected = ExpectedOutcome.fromJson(json(definition, fixtures, "expected"));
    }
    DatatableSeed seed;
    try {
      seed = DatatableSeed.parse(initial.datatables());
    } catch (IllegalArgumentException e) {
      throw definition.error("initial", "initial fixture: " + e.getMessage());
    }
    return new PreparedGlobalCase(definition, systemPrompt(), initial, expected, rules, seed);
  }

  private static InitialWorkspace initial(CaseDefinition definition, Fixtures fixtures) {
    Path path = fixtures.resolve(definition, "initial", definition.initial());
    if (Files.isDirectory(path)) {
      AppState app = AppFixtureReader.read(definition, "initial", path);
      ObjectNode value = Mappers.json().createObjectNode();
      value.set("files", Mappers.json().valueToTree(app.frontend()));
      ObjectNode runnables = value.putObject("runnables");
      app.backend()
          .forEach(
              (key, runnable) -> {
                ObjectNode entry =
                    runnables
                        .putObject(key)
                        .put("name", runnable.name())
                        .put("type", runnable.type());
                entry
                    .putObject("inlineScript")
                    .put("language", runnable.language())
                    .put("content", runnable.content());
              });
      value.set("data", app.datatables());
      return InitialWorkspace.ofApp(path.getFileName().toString(), value);
    }
    return InitialWorkspace.fromJson(json(definition, fixtures, "initial"));
  }

  private static JsonNode json(CaseDefinition definition, Fixtures fixtures, String field) {
    String relative = field.equals("initial") ? definition.initial() : definition.expected();
    JsonNode node = fixtures.readTree(definition, field, relative);
    if (!node.isObject()) {
      throw definition.error(field, field + " fixture must be a JSON object: " + relative);
    }
    return node;
  }
}
