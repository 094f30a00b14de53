package dev.evals.modes.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.validate.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Applies a case's top-level, schema, special-module and suspend rules. */
final class RuleValidator {

  private RuleValidator() {}

  static List<Check> check(FlowValue flow, FlowState state, FlowRules rules) {
    List<Check> checks = new ArrayList<>();
    topLevel(flow, rules.topLevel(), checks);
    topLevelTypes(flow, rules.topLevel(), checks);
    schema(state, rules.schema(), checks);
    for (String key : rules.steps().requireSpecialModules()) {
      checks.add(Check.of(key + " exists", flow.special(key) != null, "the flow has no " + key));
    }
    rules.steps().requireSuspendSteps().forEach(rule -> suspend(flow, rule, checks));
    checks.addAll(ModuleRuleValidator.check(flow, state, rules.steps()));
    return checks;
  }

  private static void topLevel(FlowValue flow, FlowRules.TopLevelRules rules, List<Check> checks) {
    List<String> ids = flow.topLevelIds();
    String actual = "; actual: " + String.join(", ", ids);
    if (!rules.exactTopLevelStepIds().isEmpty()) {
      checks.add(
          Check.of(
              "flow top-level step ids match exactly",
              ids.equals(rules.exactTopLevelStepIds()),
              "expected: " + String.join(", ", rules.exactTopLevelStepIds()) + actual));
    }
    if (!rules.topLevelStepIds().isEmpty()) {
      List<String> missing =
          rules.topLevelStepIds().stream().filter(id -> !ids.contains(id)).toList();
      checks.add(
          Check.of(
              "flow includes required top-level step ids",
              missing.isEmpty(),
              "missing: " + String.join(", ", missing) + actual));
    }
    if (!rules.topLevelStepOrder().isEmpty()) {
      checks.add(
          Check.of(
              "flow preserves required top-level step order",
              StepOrder.preserves(ids, rules.topLevelStepOrder()),
              "required order: " + String.join(" -> ", rules.topLevelStepOrder()) + actual));
    }
  }

  private static void topLevelTypes(
      FlowValue flow, FlowRules.TopLevelRules rules, List<Check> checks) {
    String actual = "; actual: " + String.join(", ", flow.topLevelIds());
    for (FlowRules.TypeCount count : rules.topLevelStepTypeCountsAtLeast()) {
      long found = flow.modules().stream().filter(m -> count.type().contains(m.type())).count();
      String types = String.join(" or ", count.type());
      checks.add(
          Check.of(
              "flow includes at least " + count.count() + " top-level " + types + " step(s)",
              found >= count.count(),
              "expected at least " + count.count() + ", got " + found));
    }
    for (FlowRules.TypedStep typed : rules.topLevelStepTypes()) {
      FlowModule module =
          flow.modules().stream().filter(m -> m.id().equals(typed.id())).findFirst().orElse(null);
      checks.add(
          Check.of(
              typed.id() + " step exists",
              module != null,
              "no top-level step '" + typed.id() + "'" + actual));
      if (module != null) {
        checks.add(typeCheck(typed.id() + " type matches required", module, typed.type()));
      }
    }
  }

  static Check typeCheck(String name, FlowModule module, List<String> accepted) {
    return Check.of(
        name,
        accepted.contains(module.type()),
        "step '"
            + module.id()
            + "' is "
            + module.type()
            + ", expected "
            + String.join(" or ", accepted));
  }

  private static void schema(FlowState state, FlowRules.SchemaRules rules, List<Check> checks) {
    for (String path : rules.schemaRequiredPaths()) {
      checks.add(
          Check.of(
              "schema includes " + path,
              state.hasSchemaPath(path),
              "the input schema has no property at " + path));
    }
    if (!rules.schemaAnyOf().isEmpty()) {
      boolean matched =
          rules.schemaAnyOf().stream()
              .anyMatch(shape -> shape.requiredPaths().stream().allMatch(state::hasSchemaPath));
      List<String> shapes =
          rules.schemaAnyOf().stream()
              .map(shape -> "[" + String.join(", ", shape.requiredPaths()) + "]")
              .toList();
      checks.add(
          Check.of(
              "schema matches one accepted input shape",
              matched,
              "expected one of: "
                  + String.join(" or ", shapes)
                  + "; inputs: "
                  + String.join(", ", state.inputNames())));
    }
  }

  private static void suspend(FlowValue flow, FlowRules.SuspendRule rule, List<Check> checks) {
    FlowModule module = flow.find(rule.id());
    checks.add(
        Check.of(rule.id() + " suspend step exists", module != null, "no step " + rule.id()));
    if (module == null) {
      return;
    }
    checks.add(
        Check.of(
            rule.id() + " includes suspend config",
            module.isSuspended(),
            "step '" + rule.id() + "' has no 'suspend' object"));
    if (!module.isSuspended()) {
      return;
    }
    JsonNode suspend = module.suspend();
    if (rule.requiredEvents() != null) {
      JsonNode events = suspend.get("required_events");
      checks.add(
          Check.of(
              rule.id() + " requires " + rule.requiredEvents() + " approval event(s)",
              events != null && events.isNumber() && events.asInt() == rule.requiredEvents(),
              "expected required_events " + rule.requiredEvents() + ", got " + events));
    }
    if (!rule.resumeRequiredStringFieldAnyOf().isEmpty()) {
      List<String> fields = stringFields(suspend.at("/resume_form/schema/properties"));
      checks.add(
          Check.of(
              rule.id() + " resume form includes one accepted comment field",
              rule.resumeRequiredStringFieldAnyOf().stream().anyMatch(fields::contains),
              "expected a string field named one of "
                  + rule.resumeRequiredStringFieldAnyOf()
                  + " in suspend.resume_form.schema, got "
                  + fields));
    }
  }

  private static List<String> stringFields(JsonNode properties) {
    List<String> fields = new ArrayList<>();
    if (properties.isObject()) {
      for (Map.Entry<String, JsonNode> field : properties.properties()) {
        if ("string".equals(field.getValue().path("type").asText())) {
          fields.add(field.getKey());
        }
      }
    }
    return fields;
  }
}
