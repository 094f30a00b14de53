package dev.evals.modes.flow;

import dev.evals.validate.Check;
import java.util.ArrayList;
import java.util.List;

/**
 * The deterministic checks of a flow case: structure and references always, then the expected
 * flow's shared shape and the case's {@code validate} rules when the case has them.
 */
public final class FlowValidator {

  static final String DIFFERS = "flow differs from initial";

  private final FlowRules rules;
  private final FlowState initial;
  private final FlowState expected;
  private final KnownPaths paths;

  /**
   * @param rules the case's rules
   * @param initial the flow the model started from, or null
   * @param expected a reference solution, or null
   * @param workspace the scripts and flows the flow may call
   */
  public FlowValidator(
      FlowRules rules, FlowState initial, FlowState expected, WorkspaceCatalog workspace) {
    this(rules, initial, expected, workspace, "");
  }

  /**
   * @param prompt the case's prompt: a workspace path it spells out may be called
   */
  public FlowValidator(
      FlowRules rules,
      FlowState initial,
      FlowState expected,
      WorkspaceCatalog workspace,
      String prompt) {
    this.rules = rules;
    this.initial = initial;
    this.expected = expected;
    this.paths = KnownPaths.of(workspace, initial, expected, prompt);
  }

  public List<Check> validate(FlowState state) {
    FlowValue flow;
    try {
      flow = state.parse();
    } catch (InvalidFlowException e) {
      return List.of(Check.fail(StructureValidator.PARSES, e.getMessage()));
    }
    List<Check> checks = new ArrayList<>(StructureValidator.check(flow, state, paths));
    checks.addAll(InlineCodeValidator.check(flow));
    checks.addAll(ResultsExpressionValidator.check(flow, state));
    if (initial != null) {
      checks.add(
          Check.of(
              DIFFERS,
              !initial.toJson().equals(state.toJson()),
              "the flow is unchanged from the initial flow"));
    }
    if (expected != null) {
      checks.addAll(ExpectedFlowValidator.check(flow, state, expected.parse(), expected));
    }
    checks.addAll(RuleValidator.check(flow, state, rules));
    return checks;
  }

  /**
   * What is structurally wrong with a flow, independent of the case's expectations: the answer a
   * tool gives the model so it can correct itself. Empty when the flow is sound.
   */
  public List<String> structuralProblems(FlowState state) {
    FlowValue flow;
    try {
      flow = state.parse();
    } catch (InvalidFlowException e) {
      return List.of(e.getMessage());
    }
    List<String> problems = new ArrayList<>();
    List<Check> checks = new ArrayList<>(StructureValidator.check(flow, state, paths));
    checks.addAll(InlineCodeValidator.check(flow));
    for (Check check : checks) {
      if (!check.passed()) {
        problems.add(check.name() + " failed: " + check.detail());
      }
    }
    problems.addAll(ResultsExpressionValidator.problems(flow, state));
    return problems;
  }
}
