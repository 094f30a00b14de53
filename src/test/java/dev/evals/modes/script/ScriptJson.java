package dev.evals.modes.script;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.json.Mappers;

/** Compact JSON for tests: single quotes stand for double quotes. */
final class ScriptJson {

  private ScriptJson() {}

  static JsonNode json(String singleQuoted) {
    try {
      return Mappers.json().readTree(singleQuoted.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(singleQuoted, e);
    }
  }

  static ScriptRules rules(String singleQuoted) {
    try {
      return Mappers.json().treeToValue(json(singleQuoted), ScriptRules.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(singleQuoted, e);
    }
  }

  static ScriptState script(String language, String content) {
    return new ScriptState(null, language, content, null);
  }

  static ObjectNode object(String singleQuoted) {
    return (ObjectNode) json(singleQuoted);
  }
}
