package dev.evals.modes.flow;

import static dev.evals.modes.flow.FlowJson.branchAll;
import static dev.evals.modes.flow.FlowJson.branchOne;
import static dev.evals.modes.flow.FlowJson.flow;
import static dev.evals.modes.flow.FlowJson.forLoop;
import static dev.evals.modes.flow.FlowJson.json;
import static dev.evals.modes.flow.FlowJson.raw;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.json.Mappers;
import dev.evals.validate.Check;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResultsExpressionValidatorTest {

  private static final List<String> AB = List.of("a", "b");

  static Stream<Arguments> resultsReferences() {
    return Stream.of(
        Arguments.of(
            "reads an earlier step",
            flow(AB, raw("s1", "flow_input.a"), raw("s2", "results.s1")),
            null),
        Arguments.of(
            "reads a later step",
            flow(AB, raw("s1", "results.s2"), raw("s2", "flow_input.a")),
            "step 's1' input 'x0' references results.s2, a step that runs later"),
        Arguments.of(
            "reads a missing step",
            flow(AB, raw("s1", "results.nope")),
            "step 's1' input 'x0' references results.nope, but no step 'nope' exists"),
        Arguments.of(
            "reads its own result",
            flow(AB, raw("s1", "results.s1")),
            "its own result, before the step has run"),
        Arguments.of(
            "reads with optional chaining and brackets",
            flow(AB, raw("s1", "1"), raw("s2", "results?.s1.total + results[`s1`]")),
            null),
        Arguments.of(
            "reads a step inside another branch",
            flow(
                AB,
                branchAll(
                    "par",
                    new String[] {raw("left", "1")},
                    new String[] {raw("right", "results.left")})),
            "step 'right' input 'x0' references results.left, a step in another branch of 'par'"),
        Arguments.of(
            "reads a branch step from after the branch",
            flow(
                AB,
                branchOne(
                    "route",
                    "flow_input.a === `x`",
                    new String[] {raw("inner", "1")},
                    new String[] {}),
                raw("after", "results.inner")),
            "step 'after' input 'x0' references results.inner, a step inside branchone 'route'"),
        Arguments.of(
            "reads the branch step itself after the branch",
            flow(
                AB,
                branchOne(
                    "route",
                    "flow_input.a === `x`",
                    new String[] {raw("inner", "1")},
                    new String[] {}),
                raw("after", "results.route")),
            null),
        Arguments.of(
            "reads loop state from inside the loop",
            flow(
                AB,
                raw("load", "flow_input.a"),
                forLoop(
                    "loop",
                    "results.load",
                    raw("first", "flow_input.iter.value", "results.load"),
                    raw("second", "results.first"))),
            null),
        Arguments.of(
            "reads a loop child from outside the loop",
            flow(
                AB,
                forLoop("loop", "[1, 2]", raw("first", "flow_input.iter.value")),
                raw("after", "results.first")),
            "step 'after' input 'x0' references results.first, a step inside loop 'loop' that cannot be read from outside it"),
        Arguments.of(
            "reads the loop step itself from outside the loop",
            flow(
                AB,
                forLoop("loop", "[1, 2]", raw("first", "flow_input.iter.value")),
                raw("after", "results.loop")),
            null),
        Arguments.of(
            "reads a loop child as a field of the loop result",
            flow(
                AB,
                forLoop("loop", "[1, 2]", raw("first", "flow_input.iter.value")),
                raw("after", "results.loop.first")),
            "'first' is a step nested in forloopflow 'loop', not a field of its result"),
        Arguments.of(
            "branch condition reads an earlier step",
            flow(
                AB,
                raw("s1", "1"),
                branchOne(
                    "route", "results.s1 > 2", new String[] {raw("inner", "1")}, new String[] {})),
            null),
        Arguments.of(
            "sleep reads a later step",
            flow(
                AB,
                withField(
                    raw("s1", "1"), "'sleep': {'type': 'javascript', 'expr': 'results.s2.n'}"),
                raw("s2", "1")),
            "step 's1' sleep references results.s2.n, a step that runs later"),
        Arguments.of(
            "retry_if reads a later step",
            flow(
                AB,
                withField(raw("s1", "1"), "'retry': {'retry_if': {'expr': 'results.s2'}}"),
                raw("s2", "1")),
            "step 's1' retry.retry_if references results.s2"),
        Arguments.of(
            "suspend reads a later step",
            flow(
                AB,
                withField(
                    raw("s1", "1"),
                    "'suspend': {'required_events': 1, 'user_groups_required': {'type':"
                        + " 'javascript', 'expr': 'results.s2.groups'}}"),
                raw("s2", "1")),
            "step 's1' suspend.user_groups_required references results.s2.groups"),
        Arguments.of(
            "mock reads a later step",
            flow(
                AB,
                withField(
                    raw("s1", "1"), "'mock': {'enabled': false, 'return_value': 'results.s2'}"),
                raw("s2", "1")),
            "step 's1' mock.return_value references results.s2"),
        Arguments.of(
            "a static input is a constant, not an expression",
            flow(
                AB,
                raw("s1", "1"),
                "{'id': 's2', 'value': {'type': 'identity', 'input_transforms': {'note': {'type': 'static', 'value': 'see results.later'}}}}"),
            null),
        Arguments.of(
            "an agent tool reads a later step",
            flow(
                AB,
                "{'id': 'agent', 'value': {'type': 'aiagent', 'input_transforms': {}, 'tools':"
                    + " [{'id': 't1', 'value': {'tool_type': 'flowmodule', 'type': 'rawscript',"
                    + " 'language': 'bun', 'content': 'x', 'input_transforms': {'c': {'type':"
                    + " 'javascript', 'expr': 'results.after'}}}}]}}",
                raw("after", "1")),
            "tool 't1' of step 'agent' input 'c' references results.after, a step that runs later"),
        Arguments.of(
            "loop iterator reads a later step",
            flow(AB, forLoop("loop", "results.later", raw("first", "1")), raw("later", "1")),
            "step 'loop' iterator references results.later, a step that runs later"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("resultsReferences")
  void checksResultsReferencesByScope(String name, FlowState state, String problem) {
    Check check = check(state, ResultsExpressionValidator.RESULTS);

    assertThat(check.passed()).as(check.detail()).isEqualTo(problem == null);
    if (problem != null) {
      assertThat(check.detail()).contains(problem);
    }
  }

  static Stream<Arguments> flowInputReferences() {
    return Stream.of(
        Arguments.of("declared input", flow(AB, raw("s1", "flow_input.a + flow_input[`b`]")), null),
        Arguments.of(
            "undeclared input",
            flow(AB, raw("s1", "flow_input.c")),
            "step 's1' input 'x0' reads flow_input.c, but the input schema has no property 'c'"),
        Arguments.of(
            "iteration state outside a loop",
            flow(AB, raw("s1", "flow_input.iter.value")),
            "step 's1' input 'x0' reads flow_input.iter outside of any loop"),
        Arguments.of(
            "iteration state inside a loop",
            flow(AB, forLoop("loop", "[1]", raw("s1", "flow_input.iter.index"))),
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("flowInputReferences")
  void checksFlowInputReferencesAgainstTheSchema(String name, FlowState state, String problem) {
    Check check = check(state, ResultsExpressionValidator.FLOW_INPUT);

    assertThat(check.passed()).as(check.detail()).isEqualTo(problem == null);
    if (problem != null) {
      assertThat(check.detail()).contains(problem);
    }
  }

  /**
   * Windmill checks results references only when a case sets {@code resolveResultsRefs: true}; we
   * check them in every flow (README "Flow mode"), so the rule may be false or absent and a broken
   * reference still fails, under Windmill's check name.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{'resolveResultsRefs': true}", "{'resolveResultsRefs': false}", "{}"})
  void checksResultsReferencesWhateverTheRuleSays(String rulesJson) throws Exception {
    FlowRules rules = Mappers.json().treeToValue(json(rulesJson), FlowRules.class);
    FlowState broken = flow(AB, raw("s1", "results.s2"), raw("s2", "flow_input.a"));

    List<Check> checks =
        new FlowValidator(rules, null, null, WorkspaceCatalog.EMPTY).validate(broken);

    assertThat(checks)
        .filteredOn(c -> c.name().equals("results references resolve"))
        .singleElement()
        .satisfies(c -> assertThat(c.passed()).isFalse());
  }

  /** The step with one more top-level field. */
  private static String withField(String step, String field) {
    return step.substring(0, step.length() - 1) + ", " + field + "}";
  }

  private static Check check(FlowState state, String name) {
    return ResultsExpressionValidator.check(state.parse(), state).stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
