package dev.evals.modes.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Seeded defects between a flow's input schema and the {@code flow_input} its steps read. */
final class FlowInputMutants {

  private FlowInputMutants() {}

  static List<FlowDefect> of(FlowState expected) {
    List<FlowDefect> all = new ArrayList<>();
    for (String name : FlowShapeMutants.inputNames(expected)) {
      if (expected.inputNames().contains(name)) {
        FlowState copy = FlowDefect.copy(expected);
        removeProperty(copy.schema(), name);
        all.add(
            new FlowDefect(
                "schema-missing-field",
                true,
                "input schema lost '" + name + "', which flow_input." + name + " reads",
                ResultsExpressionValidator.FLOW_INPUT,
                copy));
      }
      FlowState misread = FlowDefect.copy(expected);
      String wrong = unusedName(expected, name);
      Pattern read = Pattern.compile("\\bflow_input\\s*\\.\\s*" + Pattern.quote(name) + "\\b");
      for (FlowSites site : FlowSites.of(misread.value())) {
        if (ModuleStrings.replaceFirst(
            site.module(), text -> read.matcher(text).replaceFirst("flow_input." + wrong))) {
          all.add(
              new FlowDefect(
                  "unknown-flow-input",
                  true,
                  FlowCodeMutants.where(site)
                      + " reads flow_input."
                      + wrong
                      + " instead of "
                      + name,
                  ResultsExpressionValidator.FLOW_INPUT,
                  misread));
          break;
        }
      }
    }
    return all;
  }

  private static void removeProperty(JsonNode schema, String name) {
    if (schema != null && schema.get("properties") instanceof ObjectNode properties) {
      properties.remove(name);
    }
    if (schema != null && schema.get("required") instanceof ArrayNode required) {
      for (int i = required.size() - 1; i >= 0; i--) {
        if (required.get(i).asText().equals(name)) {
          required.remove(i);
        }
      }
    }
  }

  private static String unusedName(FlowState flow, String name) {
    String wrong = name + "_value";
    while (flow.inputNames().contains(wrong)) {
      wrong += "_x";
    }
    return wrong;
  }
}
