package dev.evals.modes.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.cases.CaseDefinition;
import dev.evals.json.Mappers;

/** Parses a case's {@code validate} block into {@link AppRules}, pointing errors at the field. */
final class AppRulesReader {

  private AppRulesReader() {}

  static AppRules read(CaseDefinition definition) {
    ObjectNode validate = definition.validate();
    if (validate.isEmpty()) {
      return AppRules.NONE;
    }
    try {
      return Mappers.json().treeToValue(validate, AppRules.class);
    } catch (JsonMappingException e) {
      String field = fieldPath(e);
      throw definition.error(field, "invalid rule " + field + ": " + problem(e));
    } catch (JsonProcessingException e) {
      throw definition.error("validate", "invalid validate rules: " + e.getOriginalMessage());
    }
  }

  private static String problem(JsonMappingException e) {
    if (e.getCause() instanceof IllegalArgumentException cause) {
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
