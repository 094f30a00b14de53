package dev.evals.modes.flow;

import dev.evals.validate.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Compares a flow with the case's expected flow on what any correct solution shares. */
final class ExpectedFlowValidator {

  static final String SCHEMA_FIELDS = "flow schema includes expected top-level fields";
  static final String STEP_IDS = "flow includes expected top-level step ids";
  static final String STEP_ORDER = "flow preserves expected top-level step order";
  static final String NESTED_STEPS = "flow includes expected nested steps";

  private ExpectedFlowValidator() {}

  static List<Check> check(FlowValue flow, FlowState state, FlowValue expected, FlowState want) {
    List<Check> checks = new ArrayList<>();
    List<String> fields = want.inputNames();
    if (!fields.isEmpty()) {
      List<String> missing = fields.stream().filter(f -> !state.hasSchemaPath(f)).toList();
      checks.add(
          Check.of(
              SCHEMA_FIELDS,
              missing.isEmpty(),
              "missing input properties: " + String.join(", ", missing)));
    }
    List<String> expectedIds = expected.topLevelIds();
    List<String> actualIds = flow.topLevelIds();
    if (!expectedIds.isEmpty()) {
      List<String> missing = expectedIds.stream().filter(id -> !actualIds.contains(id)).toList();
      checks.add(
          Check.of(
              STEP_IDS,
              missing.isEmpty(),
              "missing top-level steps: "
                  + String.join(", ", missing)
                  + "; actual: "
                  + String.join(", ", actualIds)));
      checks.add(
          Check.of(
              STEP_ORDER,
              StepOrder.preserves(actualIds, expectedIds),
              "expected order "
                  + String.join(" -> ", expectedIds)
                  + "; actual "
                  + String.join(" -> ", actualIds)));
      expected.modules().forEach(step -> compareStep(step, flow, checks));
    }
    NestedSteps.compare(flow, expected, checks);
    for (String key : List.of("preprocessor_module", "failure_module")) {
      compareSpecial(key, flow, expected, checks);
    }
    return checks;
  }

  private static void compareStep(FlowModule wanted, FlowValue flow, List<Check> checks) {
    FlowModule actual =
        flow.modules().stream().filter(m -> m.id().equals(wanted.id())).findFirst().orElse(null);
    compareStep(wanted, actual, checks);
  }

  /** The type and called path of a step the expected flow has, when the flow has it too. */
  static void compareStep(FlowModule wanted, FlowModule actual, List<Check> checks) {
    if (actual == null) {
      return;
    }
    // A suspended step may be any runnable that asks for approval, so its type is free.
    if (!wanted.isSuspended() && !actual.isSuspended()) {
      checks.add(
          Check.of(
              wanted.id() + " type matches expected",
              actual.type().equals(wanted.type()),
              "step '" + wanted.id() + "': expected " + wanted.type() + ", got " + actual.type()));
    }
    String wantedPath = wanted.calledPath();
    if (wantedPath != null) {
      checks.add(
          Check.of(
              wanted.id() + " path matches expected",
              samePath(actual.calledPath(), wantedPath),
              "step '"
                  + wanted.id()
                  + "': expected path "
                  + wantedPath
                  + ", got "
                  + Objects.requireNonNullElse(actual.calledPath(), "(none)")));
    }
  }

  private static void compareSpecial(
      String key, FlowValue flow, FlowValue expected, List<Check> checks) {
    FlowModule wanted = expected.special(key);
    if (wanted == null) {
      return;
    }
    FlowModule actual = flow.special(key);
    checks.add(Check.of(key + " matches expected presence", actual != null, "no " + key));
    if (actual != null) {
      checks.add(
          Check.of(
              key + " type matches expected",
              actual.type().equals(wanted.type()),
              "expected " + wanted.type() + ", got " + actual.type()));
    }
  }

  private static boolean samePath(String actual, String wanted) {
    if (actual == null) {
      return false;
    }
    return actual.equals(wanted) || strip(actual).equals(strip(wanted));
  }

  private static String strip(String path) {
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    return dot > slash + 1 ? path.substring(0, dot) : path;
  }
}
