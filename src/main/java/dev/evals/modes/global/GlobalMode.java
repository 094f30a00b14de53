package dev.evals.modes.global;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.cases.CaseDefinition;
import dev.evals.cases.Fixtures;
import dev.evals.datatable.DatatableSeed;
import dev.evals.json.Mappers;
import dev.evals.modes.Mode;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.app.AppFixtureReader;
import dev.evals.modes.app.AppState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Global mode: Windmill's workspace-wide assistant. The model reads and writes scripts, flows,
 * schedules, triggers, variables, resources and raw apps of a workspace, and leaves its changes as
 * AI drafts unless the user asks it to deploy.
 */
public final class GlobalMode implements Mode {

  private static final String PROMPT_RESOURCE = "/prompts/global.md";

  private final String systemPrompt = readPrompt();

  @Override
  public String name() {
    return "global";
  }

  @Override
  public Set<String> validateRuleNames() {
    return GlobalRules.NAMES;
  }

  @Override
  public boolean mutates() {
    return true;
  }

  @Override
  public int defaultConcurrency() {
    return 3;
  }

  @Override
  public PreparedCase prepare(CaseDefinition definition, Fixtures fixtures) {
    GlobalRules rules = GlobalRules.read(definition);
    InitialWorkspace initial = InitialWorkspace.EMPTY;
    if (definition.initial() != null) {
      initial = initial(definition, fixtures.resolve(definition, "initial", definition.initial()));
    }
    ExpectedOutcome expected = null;
    if (definition.expected() != null) {
      Path path = fixtures.resolve(definition, "expected", definition.expected());
      expected = ExpectedOutcome.fromJson(json(definition, "expected", path));
    }
    DatatableSeed seed;
    try {
      seed = DatatableSeed.parse(initial.datatables());
    } catch (IllegalArgumentException e) {
      throw definition.error("initial", "initial fixture: " + e.getMessage());
    }
    return new PreparedGlobalCase(definition, systemPrompt, initial, expected, rules, seed);
  }

  private static InitialWorkspace initial(CaseDefinition definition, Path path) {
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
    return InitialWorkspace.fromJson(json(definition, "initial", path));
  }

  private static com.fasterxml.jackson.databind.JsonNode json(
      CaseDefinition definition, String field, Path path) {
    try {
      com.fasterxml.jackson.databind.JsonNode node = Mappers.json().readTree(path.toFile());
      if (node == null || !node.isObject()) {
        throw definition.error(
            field, field + " fixture must be a JSON object: " + path.getFileName());
      }
      return node;
    } catch (IOException e) {
      throw definition.error(
          field,
          field
              + " fixture is not valid JSON: "
              + path.getFileName()
              + ": "
              + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private static String readPrompt() {
    try (InputStream in = GlobalMode.class.getResourceAsStream(PROMPT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + PROMPT_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
