package dev.evals.cases;

import java.util.List;
import java.util.Set;

/**
 * What a case expects of the model's tool use.
 *
 * @param requiredToolsUsed tools that must each be called at least once
 * @param requiredToolsAnyOf groups of alternatives: one tool of each group must be called
 * @param forbiddenToolsUsed tools that must not be called
 * @param toolCallArgs rules on string arguments of specific tools
 */
public record ToolExpect(
    List<String> requiredToolsUsed,
    List<List<String>> requiredToolsAnyOf,
    List<String> forbiddenToolsUsed,
    List<ToolCallArgRule> toolCallArgs) {

  public static final ToolExpect NONE = new ToolExpect(null, null, null, null);

  public ToolExpect {
    requiredToolsUsed = requiredToolsUsed == null ? List.of() : List.copyOf(requiredToolsUsed);
    requiredToolsAnyOf =
        requiredToolsAnyOf == null
            ? List.of()
            : requiredToolsAnyOf.stream().map(List::copyOf).toList();
    forbiddenToolsUsed = forbiddenToolsUsed == null ? List.of() : List.copyOf(forbiddenToolsUsed);
    toolCallArgs = toolCallArgs == null ? List.of() : List.copyOf(toolCallArgs);
  }

  /**
   * These expectations less every one that names one of the tools: a group of alternatives holding
   * one of them goes as a whole. Forbidden tools stay forbidden.
   */
  public ToolExpect without(Set<String> tools) {
    return new ToolExpect(
        requiredToolsUsed.stream().filter(tool -> !tools.contains(tool)).toList(),
        requiredToolsAnyOf.stream()
            .filter(group -> group.stream().noneMatch(tools::contains))
            .toList(),
        forbiddenToolsUsed,
        toolCallArgs.stream().filter(rule -> !tools.contains(rule.tool())).toList());
  }

  /**
   * A rule on one string argument of every call to a tool.
   *
   * @param tool the tool whose calls are checked
   * @param field the argument name
   * @param stringStartsWithAnyOf at least one call's value starts with one of these
   * @param stringMustNotStartWithAnyOf no call's value starts with any of these
   * @param stringIncludesAnyOf at least one call's value contains one of these
   */
  public record ToolCallArgRule(
      String tool,
      String field,
      List<String> stringStartsWithAnyOf,
      List<String> stringMustNotStartWithAnyOf,
      List<String> stringIncludesAnyOf) {
    public ToolCallArgRule {
      if (tool == null || field == null) {
        throw new IllegalArgumentException("toolCallArgs rules need 'tool' and 'field'");
      }
      stringStartsWithAnyOf = copy(stringStartsWithAnyOf);
      stringMustNotStartWithAnyOf = copy(stringMustNotStartWithAnyOf);
      stringIncludesAnyOf = copy(stringIncludesAnyOf);
    }

    private static List<String> copy(List<String> values) {
      return values == null ? List.of() : List.copyOf(values);
    }
  }
}
