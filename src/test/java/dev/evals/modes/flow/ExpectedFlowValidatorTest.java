package dev.evals.modes.flow;

import static dev.evals.modes.flow.FlowJson.flow;
import static dev.evals.modes.flow.FlowJson.json;
import static dev.evals.modes.flow.FlowJson.raw;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.validate.Check;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExpectedFlowValidatorTest {

  private static final FlowState EXPECTED =
      flow(List.of("a", "b"), raw("load", "1"), script("call", "f/x/sum"), raw("save", "1"));

  static Stream<Arguments> comparisons() {
    return Stream.of(
        Arguments.of(
            ExpectedFlowValidator.SCHEMA_FIELDS,
            flow(
                List.of("a", "b", "c"),
                raw("load", "1"),
                script("call", "f/x/sum.ts"),
                raw("save", "1")),
            flow(List.of("a"), raw("load", "1"), script("call", "f/x/sum"), raw("save", "1")),
            "missing input properties: b"),
        Arguments.of(
            ExpectedFlowValidator.STEP_IDS,
            flow(
                List.of("a", "b"),
                raw("load", "1"),
                raw("extra", "1"),
                script("call", "f/x/sum"),
                raw("save", "1")),
            flow(List.of("a", "b"), raw("load", "1"), script("call", "f/x/sum")),
            "missing top-level steps: save"),
        Arguments.of(
            ExpectedFlowValidator.STEP_ORDER,
            EXPECTED,
            flow(List.of("a", "b"), raw("save", "1"), raw("load", "1"), script("call", "f/x/sum")),
            "expected order load -> call -> save"),
        Arguments.of(
            "call type matches expected",
            EXPECTED,
            flow(List.of("a", "b"), raw("load", "1"), raw("call", "1"), raw("save", "1")),
            "step 'call': expected script, got rawscript"),
        Arguments.of(
            "call path matches expected",
            EXPECTED,
            flow(
                List.of("a", "b"), raw("load", "1"), script("call", "f/x/other"), raw("save", "1")),
            "expected path f/x/sum, got f/x/other"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("comparisons")
  void comparesWhatEveryCorrectSolutionShares(
      String name, FlowState good, FlowState bad, String problem) {
    assertThat(check(good, name).passed()).as(check(good, name).detail()).isTrue();
    assertThat(check(bad, name).passed()).isFalse();
    assertThat(check(bad, name).detail()).contains(problem);
  }

  @ParameterizedTest(name = "suspended step keeps any type: {0}")
  @MethodSource("suspendedTypes")
  void aSuspendedExpectedStepAcceptsAnyType(String type) {
    FlowState expected =
        FlowState.fromJson(
            json(
                "{'value': {'modules': [{'id': 'ok', 'suspend': {'required_events': 1},"
                    + " 'value': {'type': 'identity'}}]}, 'schema': {'type': 'object', 'properties': {}}}"));
    FlowState actual =
        FlowState.fromJson(
            json(
                "{'value': {'modules': [{'id': 'ok', 'value': {'type': '"
                    + type
                    + "', 'content': 'x', 'language': 'bun'}}]}, 'schema': {'type': 'object', 'properties': {}}}"));

    List<Check> checks =
        ExpectedFlowValidator.check(actual.parse(), actual, expected.parse(), expected);

    assertThat(checks).extracting(Check::name).doesNotContain("ok type matches expected");
  }

  static Stream<String> suspendedTypes() {
    return Stream.of("rawscript", "identity");
  }

  private static String script(String id, String path) {
    return "{'id': '"
        + id
        + "', 'value': {'type': 'script', 'path': '"
        + path
        + "', 'input_transforms': {}}}";
  }

  private static Check check(FlowState state, String name) {
    return ExpectedFlowValidator.check(state.parse(), state, EXPECTED.parse(), EXPECTED).stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + name));
  }
}
