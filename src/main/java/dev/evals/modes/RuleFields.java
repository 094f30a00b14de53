package dev.evals.modes;

import java.util.List;

/**
 * What the modes' rules records do with their fields in their compact constructors: an absent list
 * rule asks for nothing, and a required text must be given. A problem is an {@link
 * IllegalArgumentException}, which {@link RulesReader} points at the field.
 */
public final class RuleFields {

  private RuleFields() {}

  /** The list as an unmodifiable copy, or empty when the rule leaves it out. */
  public static <T> List<T> orEmpty(List<T> values) {
    return values == null ? List.of() : List.copyOf(values);
  }

  /** Refuses a text field that is missing or blank. */
  public static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("'" + field + "' is required");
    }
  }
}
