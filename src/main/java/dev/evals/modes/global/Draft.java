package dev.evals.modes.global;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A workspace item as Windmill's global assistant sees it: a script, flow, schedule, trigger,
 * resource, variable or app, either deployed or an AI draft. The value depends on the type: a
 * script's source text, a flow's {@code {value, schema}}, an app's {@code {files, runnables,
 * data}}, the request body of a schedule, trigger, resource or variable.
 *
 * @param type {@code script}, {@code flow}, {@code schedule}, {@code trigger}, {@code resource},
 *     {@code variable} or {@code app}
 * @param path the workspace path ({@code f/folder/name}, {@code u/user/name})
 * @param triggerKind the trigger's kind ({@code http}, ...), null for every other type
 * @param summary a short summary, or null
 * @param language a script's language, null for other types
 * @param value the item's content
 */
public record Draft(
    String type, String path, String triggerKind, String summary, String language, JsonNode value) {

  public Draft {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(path, "path");
    value = value == null ? NullNode.instance : value.deepCopy();
  }

  /** The identity of an item: two writes with the same key replace each other. */
  public String key() {
    return key(type, path, triggerKind);
  }

  static String key(String type, String path, String triggerKind) {
    return "trigger".equals(type)
        ? "trigger:" + (triggerKind == null ? "" : triggerKind) + ":" + path
        : type + ":" + path;
  }

  /** The value as validators read it: a script's text as is, anything else as pretty JSON. */
  public String valueText() {
    return value.isTextual() ? value.asText() : value.toPrettyString();
  }

  public Draft withValue(JsonNode newValue) {
    return new Draft(type, path, triggerKind, summary, language, newValue);
  }

  /** Windmill's {@code GlobalDraft} JSON: {@code {type, path, triggerKind?, ..., isDraft}}. */
  public ObjectNode toJson(boolean isDraft) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("type", type).put("path", path);
    if (triggerKind != null) {
      node.put("triggerKind", triggerKind);
    }
    if (summary != null) {
      node.put("summary", summary);
    }
    if (language != null) {
      node.put("language", language);
    }
    node.set("value", value.deepCopy());
    node.put("isDraft", isDraft);
    return node;
  }

  static Draft fromJson(JsonNode node) {
    return new Draft(
        node.path("type").asText(),
        node.path("path").asText(),
        text(node, "triggerKind"),
        text(node, "summary"),
        text(node, "language"),
        node.get("value"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
