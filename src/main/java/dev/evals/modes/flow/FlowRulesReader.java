package dev.evals.modes.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
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
    try {
      return Mappers.json().treeToValue(validate, FlowRules.class);
    } catch (JsonMappingException e) {
      throw definition.error(fieldPath(e), "invalid rule " + fieldPath(e) + ": " + problem(e));
    } catch (JsonProcessingException e) {
      throw definition.error("validate", "invalid validate rules: " + e.getOriginalMessage());
    }
  }

  private static String problem(JsonMappingException e) {
    Throwable cause = e.getCause();
    if (cause instanceof IllegalArgumentException) {
      return cause.getMessage();
    }
    String message = e.getOriginalMessage();
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
