package dev.evals.model.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites a JSON Schema into the OpenAPI subset Gemini's function declarations accept: keys it
 * rejects ({@code $schema}, {@code additionalProperties}, ...) are dropped at every level, a {@code
 * type} list becomes one type plus {@code nullable}, and {@code oneOf} becomes {@code anyOf}.
 */
final class GeminiSchema {

  /** Gemini's Schema object fields; anything else is rejected with HTTP 400. */
  private static final Set<String> KEPT =
      Set.of(
          "type",
          "format",
          "title",
          "description",
          "nullable",
          "enum",
          "maxItems",
          "minItems",
          "properties",
          "required",
          "minProperties",
          "maxProperties",
          "minLength",
          "maxLength",
          "pattern",
          "example",
          "anyOf",
          "propertyOrdering",
          "default",
          "items",
          "minimum",
          "maximum");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private GeminiSchema() {}

  static JsonNode of(JsonNode schema) {
    if (!schema.isObject()) {
      return schema;
    }
    ObjectNode out = NODES.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey().equals("oneOf") ? "anyOf" : field.getKey();
      JsonNode value = field.getValue();
      switch (key) {
        case "type" -> type(out, value);
        case "properties" -> out.set(key, properties(value));
        case "items" -> out.set(key, of(value));
        case "anyOf" -> out.set(key, each(value));
        default -> {
          if (KEPT.contains(key)) {
            out.set(key, value);
          }
        }
      }
    }
    return out;
  }

  private static void type(ObjectNode out, JsonNode type) {
    if (!type.isArray()) {
      out.set("type", type);
      return;
    }
    for (JsonNode option : type) {
      if (option.asText().equals("null")) {
        out.put("nullable", true);
      } else if (!out.has("type")) {
        out.set("type", option);
      }
    }
  }

  private static ObjectNode properties(JsonNode properties) {
    ObjectNode out = NODES.objectNode();
    properties.fields().forEachRemaining(p -> out.set(p.getKey(), of(p.getValue())));
    return out;
  }

  private static ArrayNode each(JsonNode schemas) {
    ArrayNode out = NODES.arrayNode();
    schemas.forEach(s -> out.add(of(s)));
    return out;
  }
}
