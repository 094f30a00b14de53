package dev.evals.modes.flow;

import static dev.evals.modes.flow.FlowJson.flow;
import static dev.evals.modes.flow.FlowJson.forLoop;
import static dev.evals.modes.flow.FlowJson.json;
import static dev.evals.modes.flow.FlowJson.raw;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.evals.json.Mappers;
import dev.evals.validate.Check;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RuleValidatorTest {

  private static final List<String> A = List.of("a");
  private static final String WHILE_LOOP =
      "{'id': 'count', 'stop_after_if': {'expr': 'result  >=\\n flow_input.a'},"
          + " 'value': {'type': 'whileloopflow', 'skip_failures': false, 'modules': ["
          + raw("increment", "flow_input.iter.value ?? 0")
          + "]}}";
  private static final String APPROVAL =
      "{'id': 'approve', 'suspend': {'required_events': 1, 'timeout': 60, 'resume_form':"
          + " {'schema': {'type': 'object', 'properties': {'comment': {'type': 'string'}}}}},"
          + " 'value': {'type': 'identity'}}";

  static Stream<Arguments> rules() {
    return Stream.of(
        rule(
            "{'exactTopLevelStepIds': ['s1', 's2']}",
            "flow top-level step ids match exactly",
            flow(A, raw("s1", "1"), raw("s2", "1")),
            flow(A, raw("s1", "1"), raw("s2", "1"), raw("s3", "1")),
            "expected: s1, s2; actual: s1, s2, s3"),
        rule(
            "{'topLevelStepIds': ['s1']}",
            "flow includes required top-level step ids",
            flow(A, raw("s0", "1"), raw("s1", "1")),
            flow(A, raw("s2", "1")),
            "missing: s1"),
        rule(
            "{'topLevelStepOrder': ['s1', 's2']}",
            "flow preserves required top-level step order",
            flow(A, raw("s1", "1"), raw("x", "1"), raw("s2", "1")),
            flow(A, raw("s2", "1"), raw("s1", "1")),
            "required order: s1 -> s2"),
        rule(
            "{'topLevelStepTypes': [{'id': 'loop', 'type': ['forloopflow', 'whileloopflow']}]}",
            "loop type matches required",
            flow(A, forLoop("loop", "[1]", raw("in", "1"))),
            flow(A, raw("loop", "1")),
            "step 'loop' is rawscript, expected forloopflow or whileloopflow"),
        rule(
            "{'topLevelStepTypeCountsAtLeast': [{'type': 'forloopflow', 'count': 1}]}",
            "flow includes at least 1 top-level forloopflow step(s)",
            flow(A, forLoop("loop", "[1]", raw("in", "1"))),
            flow(A, raw("s1", "1")),
            "expected at least 1, got 0"),
        rule(
            "{'schemaRequiredPaths': ['order.items']}",
            "schema includes order.items",
            nested(),
            flow(List.of("order")),
            "no property at order.items"),
        rule(
            "{'schemaAnyOf': [{'requiredPaths': ['items']}, {'requiredPaths': ['order.items']}]}",
            "schema matches one accepted input shape",
            nested(),
            flow(List.of("order")),
            "expected one of: [items] or [order.items]"),
        rule(
            "{'requireSpecialModules': ['failure_module']}",
            "failure_module exists",
            withFailureModule(),
            flow(A, raw("s1", "1")),
            "no failure_module"),
        rule(
            "{'requireSuspendSteps': [{'id': 'approve', 'requiredEvents': 1}]}",
            "approve includes suspend config",
            flow(A, APPROVAL),
            flow(A, "{'id': 'approve', 'value': {'type': 'identity'}}"),
            "has no 'suspend' object"),
        rule(
            "{'requireSuspendSteps': [{'id': 'approve', 'resumeRequiredStringFieldAnyOf': ['note', 'comment']}]}",
            "approve resume form includes one accepted comment field",
            flow(A, APPROVAL),
            flow(A, APPROVAL.replace("comment", "reason")),
            "got [reason]"),
        rule(
            "{'moduleRules': [{'id': 'increment'}]}",
            "increment module exists for rule validation",
            flow(A, WHILE_LOOP),
            flow(A, raw("s1", "1")),
            "no step 'increment' at any depth"),
        rule(
            "{'moduleRules': [{'id': 'count', 'hasStopAfterIf': true}]}",
            "count stop_after_if presence matches required shape",
            flow(A, WHILE_LOOP),
            flow(A, WHILE_LOOP.replace("stop_after_if", "skip_if")),
            "expected stop_after_if=true, got false"),
        rule(
            "{'moduleRules': [{'id': 'count', 'hasStopAfterAllItersIf': false}]}",
            "count stop_after_all_iters_if presence matches required shape",
            flow(A, WHILE_LOOP),
            flow(A, WHILE_LOOP.replace("stop_after_if", "stop_after_all_iters_if")),
            "expected stop_after_all_iters_if=false, got true"),
        rule(
            "{'moduleRules': [{'id': 'count', 'exactImmediateChildStepIds': ['increment']}]}",
            "count immediate child steps match exactly",
            flow(A, WHILE_LOOP),
            flow(A, WHILE_LOOP.replace("'increment'", "'bump'")),
            "actual child ids: bump"),
        rule(
            "{'moduleRules': [{'id': 'count', 'immediateChildStepIds': ['increment']}]}",
            "count includes required immediate child steps",
            flow(A, WHILE_LOOP),
            flow(A, WHILE_LOOP.replace("'increment'", "'bump'")),
            "required: increment"),
        rule(
            "{'moduleRules': [{'id': 'count', 'immediateChildStepTypes': [{'id': 'increment', 'type': 'rawscript'}]}]}",
            "count.increment child type matches required",
            flow(A, WHILE_LOOP),
            flow(A, WHILE_LOOP.replace("rawscript", "identity")),
            "step 'increment' is identity, expected rawscript"),
        rule(
            "{'moduleRules': [{'id': 's1', 'requiredInputTransforms': [{'type': 'javascript', 'exprAnyOf': ['flow_input.a', 'flow_input[`a`]']}]}]}",
            "s1 includes required input transform (type=javascript, exprAnyOf=[flow_input.a, flow_input[`a`]])",
            flow(A, raw("s1", " flow_input.a ")),
            flow(A, raw("s1", "flow_input.b")),
            "has input transforms: x0=flow_input.b"),
        rule(
            "{'moduleRules': [{'id': 's1', 'requiredInputTransforms': [{'type': 'static', 'value': 3}]}]}",
            "s1 includes required input transform (type=static, value=3)",
            flow(
                A,
                "{'id': 's1', 'value': {'type': 'script', 'path': 'hub/1/x', 'input_transforms': {'n': {'type': 'static', 'value': 3.0}}}}"),
            flow(A, raw("s1", "3")),
            "x0=3"),
        rule(
            "{'moduleFieldRules': [{'id': 'count', 'path': 'stop_after_if.expr', 'equals': 'result >= flow_input.a'}]}",
            "count.stop_after_if.expr matches required value",
            flow(A, WHILE_LOOP),
            flow(A, WHILE_LOOP.replace(">=", ">")),
            "expected \"result >= flow_input.a\", got \"result  >\\n flow_input.a\""));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("rules")
  void passesAFlowMeetingTheRuleAndExplainsAFlowBreakingIt(
      String rulesJson, String checkName, FlowState good, FlowState bad, String problem)
      throws JsonProcessingException {
    FlowRules rules = Mappers.json().treeToValue(json(rulesJson), FlowRules.class);

    Check passed = check(rules, good, checkName);
    Check failed = check(rules, bad, checkName);

    assertThat(passed.passed()).as(passed.detail()).isTrue();
    assertThat(failed.passed()).isFalse();
    assertThat(failed.detail()).contains(problem);
  }

  private static Arguments rule(
      String rules, String check, FlowState good, FlowState bad, String problem) {
    return Arguments.of(rules, check, good, bad, problem);
  }

  private static FlowState nested() {
    return FlowState.fromJson(
        json(
            "{'value': {'modules': ["
                + raw("s1", "flow_input.order")
                + "]}, 'schema': {'type': 'object', 'properties': {'order': {'type': 'object',"
                + " 'properties': {'items': {'type': 'array'}}}}}}"));
  }

  private static FlowState withFailureModule() {
    return FlowState.fromJson(
        json(
            "{'value': {'modules': ["
                + raw("s1", "1")
                + "], 'failure_module': "
                + raw("failure", "error.message")
                + "}, 'schema': {'type': 'object', 'properties': {}}}"));
  }

  private static Check check(FlowRules rules, FlowState state, String name) {
    List<Check> checks =
        new FlowValidator(rules, null, null, WorkspaceCatalog.EMPTY).validate(state);
    return checks.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check '" + name + "' in " + checks));
  }
}
