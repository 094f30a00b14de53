package dev.evals.modes.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.cases.CaseDefinition;
import dev.evals.json.Mappers;

/** Parses a case's {@code validate} block into {@link FlowRules}, pointing errors at the field. */
final class FlowRulesReader {

  private FlowRulesReader() {}

  static FlowRules read(CaseDefinition definition) {
    ObjectNode validate = definition.validate();
    if (validate.isEmpty()) {
      return FlowRules.NONE;
    }
    checkSpecialModules(definition);
    try {
      return Mappers.json().treeToValue(validate, FlowRules.class);
    } catch (JsonMappingException e) {
      throw definition.error(fieldPath(e), "invalid rule " + fieldPath(e) + ": " + problem(e));
    } catch (JsonProcessingException e) {
      throw definition.error("validate", "invalid validate rules: " + e.getOriginalMessage());
    }
  }

  private static void checkSpecialModules(CaseDefinition definition) {
    JsonNode specials = definition.validate().path("requireSpecialModules");
    for (int i = 0; i < specials.size(); i++) {
      String name = specials.get(i).asText();
      if (!name.equals("preprocessor_module") && !name.equals("failure_module")) {
        String field = "validate.requireSpecialModules[" + i + "]";
        throw definition.error(
            field,
            "invalid rule "
                + field
                + ": expected preprocessor_module or failure_module, got '"
                + name
                + "'");
      }
    }
  }

  private static String problem(JsonMappingException e) {
    Throwable cause = e.getCause();
    if (cause instanceof IllegalArgumentException) {
      return cause.getMessage();
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown field '"
          + unknown.getPropertyName()
          + "'; known fields: "
          + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
    }
    String message =
        e.getOriginalMessage()
            .replace("`java.lang.Integer`", "number")
            .replace("`java.lang.Boolean`", "boolean")
            .replace("`java.lang.String`", "string")
            .replaceAll("`java\\.util\\.[A-Za-z]+<[^>]*>`", "list");
    int newline = message.indexOf('\n');
    return newline > 0 ? message.substring(0, newline) : message;
  }

  private static String fieldPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder("validate");
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append('.').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
