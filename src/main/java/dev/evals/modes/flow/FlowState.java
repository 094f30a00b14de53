package dev.evals.modes.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.json.Mappers;
import dev.evals.modes.DraftState;

/**
 * A flow as the tools and fixtures exchange it: {@code {summary?, value, schema}}. The value and
 * schema stay raw JSON so nothing Windmill adds is lost; {@link #parse()} gives the typed view.
 *
 * @param summary the flow's one-line summary, or null
 * @param value the OpenFlow value ({@code modules}, special modules, settings)
 * @param schema the JSON Schema of the flow's input, or null
 */
public record FlowState(String summary, JsonNode value, JsonNode schema) implements DraftState {

  /** A flow with no steps and an empty object input schema. */
  public static FlowState empty() {
    ObjectNode value = JsonNodeFactory.instance.objectNode();
    value.putArray("modules");
    ObjectNode schema = JsonNodeFactory.instance.objectNode();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("type", "object");
    schema.putObject("properties");
    schema.putArray("required");
    return new FlowState(null, value, schema);
  }

  /** Reads {@code {summary?, value, schema?}}; a missing value reads as an empty flow. */
  public static FlowState fromJson(JsonNode node) {
    JsonNode summary = node.get("summary");
    JsonNode value = node.get("value");
    JsonNode schema = node.get("schema");
    return new FlowState(
        summary == null || summary.isNull() ? null : summary.asText(),
        value == null || value.isNull() ? empty().value() : value.deepCopy(),
        schema == null || schema.isNull() ? null : schema.deepCopy());
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    if (summary != null) {
      node.put("summary", summary);
    }
    node.set("value", value);
    if (schema != null) {
      node.set("schema", schema);
    }
    return node;
  }

  /** The typed value, or an {@link InvalidFlowException} saying why it is not OpenFlow. */
  public FlowValue parse() {
    return OpenFlowReader.read(value);
  }

  /** The names of the input schema's top-level properties. */
  public java.util.List<String> inputNames() {
    JsonNode properties = schema == null ? null : schema.get("properties");
    if (properties == null || !properties.isObject()) {
      return java.util.List.of();
    }
    java.util.List<String> names = new java.util.ArrayList<>();
    properties.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Whether the schema has this dotted path through nested {@code properties}. */
  public boolean hasSchemaPath(String dottedPath) {
    JsonNode current = schema;
    String[] segments = dottedPath.split("\\.");
    for (String segment : segments) {
      if (segment.isEmpty()) {
        continue;
      }
      JsonNode properties = current == null ? null : current.get("properties");
      current = properties == null || !properties.isObject() ? null : properties.get(segment);
      if (current == null || !current.isObject()) {
        return false;
      }
    }
    return current != schema;
  }

  String toPrettyJson() {
    try {
      return Mappers.json().writeValueAsString(toJson());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
