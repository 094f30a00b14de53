package dev.evals.modes.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.cases.CaseDefinition;
import dev.evals.modes.RulesReader;

/** Parses a case's {@code validate} block into {@link FlowRules}, pointing errors at the field. */
final class FlowRulesReader {

  private FlowRulesReader() {}

  static FlowRules read(CaseDefinition definition) {
    checkSpecialModules(definition);
    return RulesReader.read(definition, FlowRules.class, FlowRules.NONE);
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
