package dev.evals.modes.flow;

import static dev.evals.modes.flow.FlowJson.flow;
import static dev.evals.modes.flow.FlowJson.forLoop;
import static dev.evals.modes.flow.FlowJson.json;
import static dev.evals.modes.flow.FlowJson.raw;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.validate.Check;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StructureValidatorTest {

  private static final List<String> A = List.of("a");
  private static final WorkspaceCatalog WORKSPACE =
      new WorkspaceCatalog(
          List.of(new WorkspaceCatalog.Script("f/evals/add.ts", "Add", "", "bun", null, "code")),
          List.of());

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of(
            StructureValidator.HAS_MODULES,
            flow(A, raw("s1", "1")),
            flow(A),
            "the flow has no steps"),
        Arguments.of(
            StructureValidator.UNIQUE_IDS,
            flow(A, raw("s1", "1"), forLoop("loop", "[1]", raw("s2", "1"))),
            flow(A, raw("s1", "1"), forLoop("loop", "[1]", raw("s1", "1"))),
            "duplicate step ids: s1"),
        Arguments.of(
            StructureValidator.VALID_IDS,
            flow(A, raw("_step_2", "1")),
            flow(A, raw("2-step", "1")),
            "2-step"),
        Arguments.of(
            StructureValidator.SCHEMA_VALID,
            flow(A, raw("s1", "1")),
            FlowState.fromJson(
                json(
                    "{'value': {'modules': ["
                        + raw("s1", "1")
                        + "]},"
                        + " 'schema': {'type': 'object', 'properties': {'a': {'type': 'strin'}}}}")),
            "strin"),
        Arguments.of(
            StructureValidator.PATHS_EXIST,
            flow(A, script("s1", "f/evals/add"), script("s2", "hub/123/slack")),
            flow(A, script("s1", "f/evals/subtract")),
            "step 's1' calls script 'f/evals/subtract', which is not in the workspace"),
        Arguments.of(
            StructureValidator.NO_PLACEHOLDERS,
            flow(A, raw("s1", "1")),
            flow(A, code("s1", "export async function main() {\\n  // TODO\\n}")),
            "placeholder or empty inline code in steps: s1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void passesASoundFlowAndNamesTheProblemInABrokenOne(
      String name, FlowState good, FlowState bad, String problem) {
    assertThat(check(good, name).passed()).as(check(good, name).detail()).isTrue();

    Check failed = check(bad, name);
    assertThat(failed.passed()).isFalse();
    assertThat(failed.detail()).contains(problem);
  }

  @Test
  void rejectsAFlowThatIsNotOpenFlowWithTheStepNamed() {
    FlowState state =
        FlowState.fromJson(
            json("{'value': {'modules': [{'id': 'x', 'value': {'type': 'magic'}}]}}"));

    List<Check> checks = validator().validate(state);

    assertThat(checks).hasSize(1);
    assertThat(checks.get(0).name()).isEqualTo(StructureValidator.PARSES);
    assertThat(checks.get(0).detail()).contains("step 'x' has unknown type 'magic'");
  }

  @Test
  void treatsOnlyStubsAsPlaceholders() {
    assertThat(StructureValidator.isPlaceholder(module(code("a", "def main(x):\\n    pass"))))
        .isTrue();
    assertThat(StructureValidator.isPlaceholder(module(code("a", "inline_script.a")))).isTrue();
    assertThat(StructureValidator.isPlaceholder(module(code("a", "")))).isTrue();
    assertThat(StructureValidator.isPlaceholder(module(code("a", "def main(x):\\n    return x"))))
        .isFalse();
  }

  @Test
  void aBranchOrLoopWithNoStepInsideIsAPlaceholder() {
    // Windmill's skeleton fixtures write a routing step as just {"type": "branchone"}.
    FlowState skeleton =
        flow(
            A,
            "{'id': 'route', 'value': {'type': 'branchone'}}",
            "{'id': 'fan_out', 'value': {'type': 'branchall', 'branches': [{'modules': []}]}}",
            forLoop("each", "[1]"));

    Check check = check(skeleton, StructureValidator.NO_PLACEHOLDERS);

    assertThat(check.passed()).isFalse();
    assertThat(check.detail())
        .isEqualTo("loop or branch steps with no step inside: route; fan_out; each");
  }

  @Test
  void aBranchWithStepsOnlyInItsDefaultIsNoPlaceholder() {
    FlowState routing =
        flow(
            A,
            "{'id': 'route', 'value': {'type': 'branchone', 'branches': [],"
                + " 'default': ["
                + raw("fallback", "1")
                + "]}}");

    assertThat(check(routing, StructureValidator.NO_PLACEHOLDERS).passed()).isTrue();
  }

  private static FlowModule module(String step) {
    return flow(A, step).parse().modules().get(0);
  }

  static String script(String id, String path) {
    return "{'id': '"
        + id
        + "', 'value': {'type': 'script', 'path': '"
        + path
        + "', 'input_transforms': {}}}";
  }

  static String code(String id, String content) {
    return "{'id': '"
        + id
        + "', 'value': {'type': 'rawscript', 'language': 'bun', 'content': '"
        + content
        + "', 'input_transforms': {}}}";
  }

  private static FlowValidator validator() {
    return new FlowValidator(FlowRules.NONE, null, null, WORKSPACE);
  }

  private static Check check(FlowState state, String name) {
    return validator().validate(state).stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + name));
  }
}
