package dev.evals.cases;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.json.Mappers;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document read as a JSON tree, remembering the line of every node by its path ({@code
 * [3].validate.moduleRules[0]}), so errors found after parsing still name the right line.
 */
final class LocatedYaml {

  private final JsonNode root;
  private final Map<String, Integer> lines;

  private LocatedYaml(JsonNode root, Map<String, Integer> lines) {
    this.root = root;
    this.lines = lines;
  }

  static LocatedYaml parse(String text) throws IOException {
    try (JsonParser parser = Mappers.yaml().getFactory().createParser(text)) {
      Map<String, Integer> lines = new HashMap<>();
      JsonToken first = parser.nextToken();
      JsonNode root = first == null ? JsonNodeFactory.instance.nullNode() : read(parser, "", lines);
      return new LocatedYaml(root, lines);
    }
  }

  JsonNode root() {
    return root;
  }

  int lineOf(String path) {
    return lines.getOrDefault(path, 0);
  }

  /** The lines of every path under {@code prefix}, re-keyed relative to it. */
  Map<String, Integer> linesUnder(String prefix) {
    Map<String, Integer> relative = new HashMap<>();
    lines.forEach(
        (path, line) -> {
          if (path.startsWith(prefix + ".")) {
            relative.put(path.substring(prefix.length() + 1), line);
          }
        });
    return relative;
  }

  private static JsonNode read(JsonParser parser, String path, Map<String, Integer> lines)
      throws IOException {
    lines.put(path, parser.currentTokenLocation().getLineNr());
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        String child = path.isEmpty() ? name : path + "." + name;
        int keyLine = parser.currentTokenLocation().getLineNr();
        parser.nextToken();
        object.set(name, read(parser, child, lines));
        lines.put(child, keyLine);
      }
      return object;
    }
    if (token == JsonToken.START_ARRAY) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        array.add(read(parser, path + "[" + array.size() + "]", lines));
      }
      return array;
    }
    return Mappers.yaml().readTree(parser);
  }
}
