package dev.evals.modes.global;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.json.Mappers;
import dev.evals.modes.DraftState;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a global case starts, in Windmill's {@code GlobalInitialFixture} shape: the deployed
 * workspace ({@code scripts}, {@code flows}, {@code apps}, {@code datatables}, {@code jobs}), the
 * drafts open in live editors, and the user the assistant acts for.
 *
 * @param deployed the deployed items, each under its own key
 * @param liveDrafts drafts open in an editor, already in the drafts list when the attempt starts
 * @param datatables Windmill's datatable seeds ({@code [{datatable_name, schemas}]})
 * @param jobs recent runs ({@code [{id, scriptPath, success, logs, ...}]})
 * @param user the current user ({@code {username, is_admin, folders, folders_read}}), or an empty
 *     object
 */
public record InitialWorkspace(
    List<Draft> deployed,
    List<Draft> liveDrafts,
    ArrayNode datatables,
    ArrayNode jobs,
    ObjectNode user)
    implements DraftState {

  public static final InitialWorkspace EMPTY =
      new InitialWorkspace(List.of(), List.of(), null, null, null);

  public InitialWorkspace {
    deployed = List.copyOf(deployed);
    liveDrafts = List.copyOf(liveDrafts);
    datatables = datatables == null ? JsonNodeFactory.instance.arrayNode() : datatables.deepCopy();
    jobs = jobs == null ? JsonNodeFactory.instance.arrayNode() : jobs.deepCopy();
    user = user == null ? JsonNodeFactory.instance.objectNode() : user.deepCopy();
  }

  /** Reads a fixture file's JSON; unknown item fields are kept in the value. */
  static InitialWorkspace fromJson(JsonNode fixture) {
    JsonNode workspace = fixture.path("workspace");
    List<Draft> deployed = new ArrayList<>();
    workspace.path("scripts").forEach(script -> deployed.add(script(script)));
    workspace.path("flows").forEach(flow -> deployed.add(flow(flow, flow.path("path").asText())));
    workspace.path("apps").forEach(app -> deployed.add(app(app)));
    for (String type : List.of("schedule", "resource", "variable")) {
      workspace.path(type + "s").forEach(item -> deployed.add(item(type, item)));
    }
    List<Draft> live = new ArrayList<>();
    for (JsonNode editor : fixture.path("liveEditorDrafts")) {
      JsonNode value = editor.get("value");
      if (value == null || value.isNull()) {
        continue;
      }
      String path = editor.path("storagePath").asText(editor.path("effectivePath").asText(""));
      live.add(
          switch (editor.path("type").asText()) {
            case "script" -> script(((ObjectNode) value.deepCopy()).put("path", path));
            case "flow" -> flow(value, path);
            default ->
                app(JsonNodeFactory.instance.objectNode().put("path", path).set("value", value));
          });
    }
    return new InitialWorkspace(
        deployed,
        live,
        arrayOrNull(workspace.get("datatables")),
        arrayOrNull(workspace.get("jobs")),
        fixture.path("user").isObject() ? (ObjectNode) fixture.get("user") : null);
  }

  /** A raw app fixture folder, as Windmill loads it: one app at {@code f/evals/global/<name>}. */
  static InitialWorkspace ofApp(String name, ObjectNode appValue) {
    Draft app = new Draft("app", "f/evals/global/" + name, null, name, null, appValue);
    return new InitialWorkspace(List.of(app), List.of(), null, null, null);
  }

  /**
   * The start as the judge sees it: the attempt's workspace before any edit, with the items
   * deployed at start under {@code deployedAtStart}.
   */
  @Override
  public ObjectNode toJson() {
    ObjectNode start = new SimulatedWorkspace(this).toJson();
    start.set(
        "deployedAtStart",
        Mappers.json().valueToTree(deployed.stream().map(item -> item.toJson(false)).toList()));
    return start;
  }

  /** The user's name, as {@code u/<username>/} paths use it; empty when the fixture has none. */
  public String username() {
    return user.path("username").asText("");
  }

  /** The folders the user may write to. */
  public List<String> writableFolders() {
    List<String> folders = new ArrayList<>();
    user.path("folders").forEach(folder -> folders.add(folder.asText()));
    return folders;
  }

  /** Folders the user may read but not write. */
  public List<String> readOnlyFolders() {
    List<String> folders = new ArrayList<>();
    user.path("folders_read")
        .forEach(
            folder -> {
              if (!writableFolders().contains(folder.asText())) {
                folders.add(folder.asText());
              }
            });
    return folders;
  }

  private static Draft script(JsonNode script) {
    return new Draft(
        "script",
        script.path("path").asText(),
        null,
        textOrNull(script, "summary"),
        script.path("language").asText("bun"),
        JsonNodeFactory.instance.textNode(script.path("content").asText("")));
  }

  private static Draft flow(JsonNode flow, String path) {
    ObjectNode value = JsonNodeFactory.instance.objectNode();
    value.set("value", flow.path("value").deepCopy());
    if (flow.has("schema")) {
      value.set("schema", flow.get("schema").deepCopy());
    }
    return new Draft("flow", path, null, textOrNull(flow, "summary"), null, value);
  }

  private static Draft app(JsonNode app) {
    return new Draft(
        "app", app.path("path").asText(), null, textOrNull(app, "summary"), null, app.get("value"));
  }

  private static Draft item(String type, JsonNode item) {
    return new Draft(
        type, item.path("path").asText(), null, textOrNull(item, "summary"), null, item);
  }

  private static String textOrNull(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static ArrayNode arrayOrNull(JsonNode node) {
    return node != null && node.isArray() ? (ArrayNode) node : null;
  }
}
