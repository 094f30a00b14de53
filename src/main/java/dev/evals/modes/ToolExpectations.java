package dev.evals.modes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.agent.ToolInvocation;
import dev.evals.cases.ToolExpect;
import dev.evals.validate.Check;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Checks a case's {@code toolExpect} against the tool calls of an attempt. A call counts as a use
 * even when the tool answered with an error: the model chose that tool.
 */
public final class ToolExpectations {

  private ToolExpectations() {}

  public static List<Check> check(ToolExpect expect, List<ToolInvocation> calls) {
    Set<String> used = new LinkedHashSet<>();
    calls.forEach(call -> used.add(call.name()));
    String usedText = "tools used: " + (used.isEmpty() ? "none" : String.join(", ", used));
    List<Check> checks = new ArrayList<>();
    for (String tool : expect.requiredToolsUsed()) {
      checks.add(Check.of("tool " + tool + " was used", used.contains(tool), usedText));
    }
    for (List<String> group : expect.requiredToolsAnyOf()) {
      checks.add(
          Check.of(
              "one of " + String.join(", ", group) + " was used",
              group.stream().anyMatch(used::contains),
              usedText));
    }
    for (String tool : expect.forbiddenToolsUsed()) {
      checks.add(
          Check.of(
              "tool " + tool + " was not used",
              !used.contains(tool),
              tool + " was called " + count(calls, tool) + " time(s)"));
    }
    for (ToolExpect.ToolCallArgRule rule : expect.toolCallArgs()) {
      checks.addAll(argumentChecks(rule, values(calls, rule)));
    }
    return checks;
  }

  private static List<Check> argumentChecks(ToolExpect.ToolCallArgRule rule, List<String> values) {
    String subject = rule.tool() + "." + rule.field();
    String seen =
        values.isEmpty()
            ? "no call to " + rule.tool() + " set " + rule.field()
            : "values: " + values;
    List<Check> checks = new ArrayList<>();
    if (!rule.stringStartsWithAnyOf().isEmpty()) {
      checks.add(
          Check.of(
              subject + " starts with one of " + rule.stringStartsWithAnyOf(),
              anyValue(values, rule.stringStartsWithAnyOf(), String::startsWith),
              seen));
    }
    if (!rule.stringMustNotStartWithAnyOf().isEmpty()) {
      List<String> offending =
          values.stream()
              .filter(v -> rule.stringMustNotStartWithAnyOf().stream().anyMatch(v::startsWith))
              .toList();
      checks.add(
          Check.of(
              subject + " does not start with any of " + rule.stringMustNotStartWithAnyOf(),
              offending.isEmpty(),
              "offending values: " + offending));
    }
    if (!rule.stringIncludesAnyOf().isEmpty()) {
      checks.add(
          Check.of(
              subject + " includes one of " + rule.stringIncludesAnyOf(),
              anyValue(values, rule.stringIncludesAnyOf(), String::contains),
              seen));
    }
    return checks;
  }

  private static boolean anyValue(
      List<String> values, List<String> candidates, BiPredicate<String, String> test) {
    return values.stream().anyMatch(v -> candidates.stream().anyMatch(c -> test.test(v, c)));
  }

  private static List<String> values(List<ToolInvocation> calls, ToolExpect.ToolCallArgRule rule) {
    List<String> values = new ArrayList<>();
    for (ToolInvocation call : calls) {
      JsonNode value = call.arguments() == null ? null : call.arguments().get(rule.field());
      if (call.name().equals(rule.tool()) && value != null && value.isTextual()) {
        values.add(value.asText());
      }
    }
    return values;
  }

  private static long count(List<ToolInvocation> calls, String tool) {
    return calls.stream().filter(call -> call.name().equals(tool)).count();
  }
}
