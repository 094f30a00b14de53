package dev.evals.modes.flow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One text of a step that may hold a JavaScript expression, with where it sits, for reference
 * checks. Every field of the step is read as Windmill's own validator reads it (see {@link
 * ModuleStrings}): inputs, iterator, branch conditions, skip and stop conditions, but also {@code
 * sleep}, {@code retry.retry_if}, {@code suspend}, {@code mock}, {@code timeout}...
 *
 * @param where a description such as {@code step 'save' input 'data'}
 * @param expr the text
 * @param afterStep whether it is evaluated after the step ran, so it may read the step's own result
 */
record StepExpression(String where, String expr, boolean afterStep) {

  /** The texts of a step's own fields, given its raw JSON. */
  static List<StepExpression> of(FlowModule module, JsonNode raw, String label) {
    List<StepExpression> found = new ArrayList<>();
    if (raw == null) {
      return found;
    }
    for (ModuleStrings.Located text : ModuleStrings.of(raw)) {
      String field = text.field();
      boolean after =
          field.startsWith("stop_after_if") || field.startsWith("stop_after_all_iters_if");
      found.add(new StepExpression(label + " " + describe(field), text.text(), after));
    }
    return found;
  }

  private static String describe(String field) {
    String plain = field.endsWith(".expr") ? field.substring(0, field.length() - 5) : field;
    if (plain.matches("branches\\[\\d+]")) {
      int index = Integer.parseInt(plain.replaceAll("\\D", ""));
      return "branch " + (index + 1) + " condition";
    }
    return plain;
  }
}
