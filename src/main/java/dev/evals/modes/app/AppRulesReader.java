package dev.evals.modes.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.cases.BindingProblem;
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
      String field = BindingProblem.fieldPath("validate", e);
      throw definition.error(field, "invalid rule " + field + ": " + BindingProblem.describe(e));
    } catch (JsonProcessingException e) {
      throw definition.error("validate", "invalid validate rules: " + e.getOriginalMessage());
    }
  }
}
