package dev.evals.modes.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One JavaScript expression of a step, with where it sits, for reference checks.
 *
 * @param where a description such as {@code step 'save' input 'data'}
 * @param expr the expression text
 * @param afterStep whether it is evaluated after the step ran, so it may read the step's own result
 */
record StepExpression(String where, String expr, boolean afterStep) {

  /** The expressions evaluated before the step's children run, and its stop conditions. */
  static List<StepExpression> of(FlowModule module) {
    String step = "step '" + module.id() + "'";
    List<StepExpression> found = new ArrayList<>();
    if (module.value() != null) {
      for (Map.Entry<String, InputTransform> input : module.value().inputTransforms().entrySet()) {
        if (input.getValue() != null && input.getValue().isJavascript()) {
          found.add(
              new StepExpression(
                  step + " input '" + input.getKey() + "'", input.getValue().expr(), false));
        }
      }
    }
    if (module.value() instanceof ModuleValue.ForLoop loop
        && loop.iterator() != null
        && loop.iterator().isJavascript()) {
      found.add(new StepExpression(step + " iterator", loop.iterator().expr(), false));
    }
    if (module.value() instanceof ModuleValue.BranchOne branches) {
      for (int i = 0; i < branches.branches().size(); i++) {
        found.add(
            new StepExpression(
                step + " branch " + (i + 1) + " condition",
                branches.branches().get(i).expr(),
                false));
      }
    }
    add(found, step + " skip_if", module.skipIf(), false);
    add(found, step + " stop_after_if", module.stopAfterIf(), true);
    add(found, step + " stop_after_all_iters_if", module.stopAfterAllItersIf(), true);
    return found;
  }

  private static void add(
      List<StepExpression> found, String where, StepCondition condition, boolean afterStep) {
    if (condition != null && condition.expr() != null) {
      found.add(new StepExpression(where, condition.expr(), afterStep));
    }
  }
}
