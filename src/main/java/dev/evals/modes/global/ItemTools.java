package dev.evals.modes.global;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.agent.ToolReply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The tools that list, read, deploy and delete workspace items, and create folders. */
final class ItemTools {

  private static final List<String> DEFAULT_TYPES = List.of("script", "flow");

  private final GlobalSession session;

  ItemTools(GlobalSession session) {
    this.session = session;
  }

  void bindTo(ToolCatalog catalog) {
    catalog.bind("list_workspace_items", this::list);
    catalog.bind("read_workspace_item", this::read);
    catalog.bind("deploy_workspace_item", this::deploy);
    catalog.bind("delete_workspace_item", this::delete);
    catalog.bind("create_folder", this::createFolder);
  }

  private ToolReply list(JsonNode args) {
    List<String> types = new ArrayList<>();
    args.path("types").forEach(type -> types.add(type.asText()));
    if (types.isEmpty()) {
      types.addAll(DEFAULT_TYPES);
    }
    String prefix = args.path("path_prefix").asText("");
    String query = args.path("query").asText("").toLowerCase(Locale.ROOT);
    Map<String, ObjectNode> byKey = new LinkedHashMap<>();
    session.workspace().deployed().forEach(item -> byKey.put(item.key(), metadata(item, false)));
    session.workspace().drafts().forEach(draft -> byKey.put(draft.key(), metadata(draft, true)));
    ArrayNode listed = JsonNodeFactory.instance.arrayNode();
    byKey.values().stream()
        .filter(item -> types.contains(item.path("type").asText()))
        .filter(item -> item.path("path").asText().startsWith(prefix))
        .filter(item -> query.isEmpty() || matches(item, query))
        .limit(args.path("limit").asInt(50))
        .forEach(listed::add);
    return ToolReply.ok(listed.toPrettyString());
  }

  private ToolReply read(JsonNode args) {
    String type = args.path("type").asText();
    String kind = args.hasNonNull("trigger_kind") ? args.get("trigger_kind").asText() : null;
    if ("trigger".equals(type) && kind == null) {
      return ToolReply.error("trigger_kind is required when type is trigger.");
    }
    String key = Draft.key(type, args.path("path").asText(), kind);
    boolean isDraft = session.workspace().draft(key).isPresent();
    return session
        .workspace()
        .current(key)
        .map(item -> ToolReply.ok(item.toJson(isDraft).toPrettyString()))
        .orElseGet(() -> ToolReply.error("No " + type + " at " + args.path("path").asText() + "."));
  }

  private ToolReply deploy(JsonNode args) {
    String key = key(args);
    if (!session.workspace().deploy(key)) {
      return ToolReply.error("There is no draft " + key + " to deploy; write it first.");
    }
    return ToolReply.ok("Deployed " + key + " to the workspace.");
  }

  private ToolReply delete(JsonNode args) {
    String key = key(args);
    if (!session.workspace().delete(key)) {
      return ToolReply.error("There is no deployed " + key + " to delete.");
    }
    return ToolReply.ok("Deleted " + key + " from the workspace.");
  }

  private ToolReply createFolder(JsonNode args) {
    String name = args.path("name").asText();
    if (!PathRules.FOLDER_NAME.matcher(name).matches()) {
      return ToolReply.error(
          "Folder name can only contain alphanumeric characters, underscores, and hyphens.");
    }
    session.workspace().createFolder(name);
    return ToolReply.ok(
        "Created folder f/" + name + ". You can now write items to f/" + name + "/<name>.");
  }

  private static String key(JsonNode args) {
    String kind = args.hasNonNull("trigger_kind") ? args.get("trigger_kind").asText() : null;
    return Draft.key(args.path("type").asText(), args.path("path").asText(), kind);
  }

  private static ObjectNode metadata(Draft item, boolean isDraft) {
    ObjectNode node = item.toJson(isDraft);
    node.remove("value");
    return node;
  }

  private static boolean matches(ObjectNode item, String query) {
    return item.path("path").asText().toLowerCase(Locale.ROOT).contains(query)
        || item.path("summary").asText().toLowerCase(Locale.ROOT).contains(query);
  }
}
