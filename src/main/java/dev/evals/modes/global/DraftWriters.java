package dev.evals.modes.global;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.agent.ToolReply;
import dev.evals.json.Mappers;
import java.util.List;

/**
 * The tools that write AI drafts: scripts, flows, schedules, triggers, variables and resources.
 * Each answers with what it saved, or why it saved nothing; a deployed item is never touched.
 */
final class DraftWriters {

  /** What a secret variable's draft holds instead of its value, which stays out of every file. */
  static final String SECRET_KEPT_OUT = "(secret value, kept out of the draft)";

  private static final List<String> FLOW_PARTS =
      List.of("preprocessor_module", "failure_module", "groups");

  private final GlobalSession session;

  DraftWriters(GlobalSession session) {
    this.session = session;
  }

  void bindTo(ToolCatalog catalog) {
    catalog.bind("write_script", this::writeScript);
    catalog.bind("edit_script", this::editScript);
    catalog.bind("write_flow", this::writeFlow);
    catalog.bind("write_schedule", args -> writeRequest("schedule", null, args));
    catalog.bind("write_trigger", this::writeTrigger);
    catalog.bind("write_variable", this::writeVariable);
    catalog.bind("write_resource", args -> writeRequest("resource", null, args));
  }

  private ToolReply writeScript(JsonNode args) {
    String content = args.path("content").asText();
    if (content.isBlank()) {
      return ToolReply.error("The script was not saved: its content is empty.");
    }
    return save(
        new Draft(
            "script",
            args.path("path").asText(),
            null,
            summary(args),
            args.path("language").asText(),
            JsonNodeFactory.instance.textNode(content)));
  }

  private ToolReply editScript(JsonNode args) {
    String path = args.path("path").asText();
    Draft script = session.workspace().current(Draft.key("script", path, null)).orElse(null);
    if (script == null) {
      return ToolReply.error("No script at " + path + "; list_workspace_items shows the scripts.");
    }
    String code = script.valueText();
    String old = args.path("old_string").asText();
    String replacement = args.path("new_string").asText();
    int matches = code.split(java.util.regex.Pattern.quote(old), -1).length - 1;
    if (matches == 0) {
      return ToolReply.error("old_string was not found in " + path + "; read it first.");
    }
    boolean all = args.path("replace_all").asBoolean(false);
    if (matches > 1 && !all) {
      return ToolReply.error(
          "old_string matches " + matches + " times in " + path + "; give more context.");
    }
    String edited =
        all
            ? code.replace(old, replacement)
            : code.replaceFirst(
                java.util.regex.Pattern.quote(old),
                java.util.regex.Matcher.quoteReplacement(replacement));
    return save(script.withValue(JsonNodeFactory.instance.textNode(edited)));
  }

  private ToolReply writeFlow(JsonNode args) {
    ObjectNode flowValue = JsonNodeFactory.instance.objectNode();
    ObjectNode value = JsonNodeFactory.instance.objectNode();
    try {
      JsonNode modules = Mappers.json().readTree(args.path("modules").asText());
      if (!modules.isArray()) {
        return ToolReply.error("The flow was not saved: modules must be a JSON array of steps.");
      }
      flowValue.set("modules", modules);
      for (String part : FLOW_PARTS) {
        JsonNode given = args.get(part);
        if (given != null && given.isTextual()) {
          flowValue.set(part, Mappers.json().readTree(given.asText()));
        }
      }
      value.set("value", flowValue);
      if (args.path("schema").isTextual()) {
        value.set("schema", Mappers.json().readTree(args.get("schema").asText()));
      }
    } catch (JsonProcessingException e) {
      return ToolReply.error("The flow was not saved: invalid JSON: " + e.getOriginalMessage());
    }
    if (args.path("description").isTextual()) {
      value.put("description", args.get("description").asText());
    }
    return save(new Draft("flow", args.path("path").asText(), null, summary(args), null, value));
  }

  private ToolReply writeTrigger(JsonNode args) {
    JsonNode config = args.path("config");
    String kind = args.path("kind").asText();
    if ("http".equals(kind) && config.path("route_path").asText().startsWith("/")) {
      return ToolReply.error("The trigger was not saved: route_path must not start with /.");
    }
    return writeRequest("trigger", kind, config);
  }

  private ToolReply writeVariable(JsonNode args) {
    ObjectNode value = withoutOverride(args);
    if (args.path("is_secret").asBoolean(false)) {
      value.put("value", SECRET_KEPT_OUT);
    }
    return save(new Draft("variable", args.path("path").asText(), null, null, null, value));
  }

  private ToolReply writeRequest(String type, String triggerKind, JsonNode request) {
    ObjectNode value = withoutOverride(request);
    return save(
        new Draft(type, request.path("path").asText(), triggerKind, summary(request), null, value));
  }

  private ToolReply save(Draft draft) {
    String problem = session.paths().problem(draft.path(), session.workspace().createdFolders());
    if (problem != null) {
      return ToolReply.error("The " + draft.type() + " draft was not saved: " + problem);
    }
    session.workspace().write(draft);
    return ToolReply.ok(
        "Saved the "
            + draft.type()
            + " draft "
            + draft.path()
            + ". It is an AI draft only: nothing was deployed.");
  }

  private static ObjectNode withoutOverride(JsonNode args) {
    ObjectNode value =
        args.isObject() ? (ObjectNode) args.deepCopy() : JsonNodeFactory.instance.objectNode();
    value.remove("override");
    return value;
  }

  private static String summary(JsonNode args) {
    JsonNode summary = args.get("summary");
    return summary == null || summary.isNull() ? null : summary.asText();
  }
}
