package dev.evals.modes.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.cases.BindingProblem;
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
      throw definition.error(
          BindingProblem.fieldPath("validate", e),
          "invalid rule "
              + BindingProblem.fieldPath("validate", e)
              + ": "
              + BindingProblem.describe(e));
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
}
