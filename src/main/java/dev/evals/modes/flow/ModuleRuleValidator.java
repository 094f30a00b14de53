package dev.evals.modes.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.evals.validate.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Applies {@code moduleRules} and {@code moduleFieldRules} to steps at any depth. */
final class ModuleRuleValidator {

  private ModuleRuleValidator() {}

  static List<Check> check(FlowValue flow, FlowState state, FlowRules.StepRules rules) {
    List<Check> checks = new ArrayList<>();
    for (FlowRules.ModuleRule rule : rules.moduleRules()) {
      FlowModule module = flow.find(rule.id());
      checks.add(
          Check.of(
              rule.id() + " module exists for rule validation",
              module != null,
              "no step '" + rule.id() + "' at any depth"));
      if (module != null) {
        apply(rule, module, checks);
      }
    }
    for (FlowRules.FieldRule rule : rules.moduleFieldRules()) {
      JsonNode raw = JsonValues.findModule(state.value(), rule.id());
      checks.add(
          Check.of(
              rule.id() + " module exists for field validation",
              raw != null,
              "no step '" + rule.id() + "' at any depth"));
      if (raw != null) {
        JsonNode actual = JsonValues.at(raw, rule.path());
        checks.add(
            Check.of(
                rule.id() + "." + rule.path() + " matches required value",
                JsonValues.matches(actual, rule.expected()),
                "step '"
                    + rule.id()
                    + "' "
                    + rule.path()
                    + ": expected "
                    + rule.expected()
                    + ", got "
                    + (actual == null ? "(missing)" : actual)));
      }
    }
    return checks;
  }

  private static void apply(FlowRules.ModuleRule rule, FlowModule module, List<Check> checks) {
    String id = rule.id();
    if (rule.hasStopAfterIf() != null) {
      boolean has = module.stopAfterIf() != null;
      checks.add(
          Check.of(
              id + " stop_after_if presence matches required shape",
              has == rule.hasStopAfterIf(),
              "step '"
                  + id
                  + "': expected stop_after_if="
                  + rule.hasStopAfterIf()
                  + ", got "
                  + has));
    }
    if (rule.hasStopAfterAllItersIf() != null) {
      boolean has = module.stopAfterAllItersIf() != null;
      checks.add(
          Check.of(
              id + " stop_after_all_iters_if presence matches required shape",
              has == rule.hasStopAfterAllItersIf(),
              "step '"
                  + id
                  + "': expected stop_after_all_iters_if="
                  + rule.hasStopAfterAllItersIf()
                  + ", got "
                  + has));
    }
    children(rule, module, checks);
    List<InputTransform> transforms = transforms(module);
    for (FlowRules.TransformRule wanted : rule.requiredInputTransforms()) {
      checks.add(
          Check.of(
              id + " includes required input transform (" + describe(wanted) + ")",
              transforms.stream().anyMatch(t -> matches(t, wanted)),
              "step '" + id + "' has input transforms: " + summarise(module)));
    }
  }

  private static void children(FlowRules.ModuleRule rule, FlowModule module, List<Check> checks) {
    String id = rule.id();
    List<FlowModule> children = module.children();
    List<String> childIds = children.stream().map(FlowModule::id).toList();
    String actual = "; actual child ids: " + String.join(", ", childIds);
    if (!rule.immediateChildStepIds().isEmpty()) {
      checks.add(
          Check.of(
              id + " includes required immediate child steps",
              childIds.containsAll(rule.immediateChildStepIds()),
              "required: " + String.join(", ", rule.immediateChildStepIds()) + actual));
    }
    if (!rule.exactImmediateChildStepIds().isEmpty()) {
      checks.add(
          Check.of(
              id + " immediate child steps match exactly",
              childIds.equals(rule.exactImmediateChildStepIds()),
              "expected: " + String.join(", ", rule.exactImmediateChildStepIds()) + actual));
    }
    for (FlowRules.TypedStep typed : rule.immediateChildStepTypes()) {
      FlowModule child =
          children.stream().filter(c -> c.id().equals(typed.id())).findFirst().orElse(null);
      String name = id + "." + typed.id();
      checks.add(Check.of(name + " child step exists", child != null, "no child" + actual));
      if (child != null) {
        checks.add(
            RuleValidator.typeCheck(name + " child type matches required", child, typed.type()));
      }
    }
  }

  private static List<InputTransform> transforms(FlowModule module) {
    return module.value().inputTransforms().values().stream().filter(Objects::nonNull).toList();
  }

  private static boolean matches(InputTransform actual, FlowRules.TransformRule wanted) {
    if (wanted.type() != null && !wanted.type().contains(actual.type())) {
      return false;
    }
    if (wanted.expr() != null && !sameExpr(actual.expr(), wanted.expr())) {
      return false;
    }
    if (wanted.exprAnyOf() != null
        && wanted.exprAnyOf().stream().noneMatch(e -> sameExpr(actual.expr(), e))) {
      return false;
    }
    return wanted.value() == null || JsonValues.matches(actual.value(), wanted.value());
  }

  private static boolean sameExpr(String actual, String wanted) {
    return actual != null && JsonValues.matches(TextNode.valueOf(actual), TextNode.valueOf(wanted));
  }

  private static String describe(FlowRules.TransformRule rule) {
    List<String> parts = new ArrayList<>();
    if (rule.type() != null) {
      parts.add("type=" + String.join("|", rule.type()));
    }
    if (rule.expr() != null) {
      parts.add("expr=" + rule.expr());
    }
    if (rule.exprAnyOf() != null) {
      parts.add("exprAnyOf=" + rule.exprAnyOf());
    }
    if (rule.value() != null) {
      parts.add("value=" + rule.value());
    }
    return String.join(", ", parts);
  }

  private static String summarise(FlowModule module) {
    Map<String, InputTransform> all = module.value().inputTransforms();
    if (all.isEmpty()) {
      return "(none)";
    }
    List<String> parts = new ArrayList<>();
    all.forEach(
        (name, t) ->
            parts.add(name + "=" + (t.isJavascript() ? t.expr() : String.valueOf(t.value()))));
    parts.sort(null);
    return String.join(", ", parts);
  }
}
