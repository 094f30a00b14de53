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
  void acceptsAnUnknownModuleTypeAndWarnsAboutItWithoutFailing() {
    FlowState state =
        FlowState.fromJson(
            json(
                "{'value': {'modules': [{'id': 'x', 'value': {'type': 'teleport'}}]},"
                    + " 'schema': {'type': 'object', 'properties': {}}}"));

    List<Check> checks = validator().validate(state);

    assertThat(checks).allMatch(Check::passed);
    Check warning = check(state, StructureValidator.KNOWN_TYPES);
    assertThat(warning.warning()).isTrue();
    assertThat(warning.detail()).contains("step 'x' has type 'teleport'");
  }

  @Test
  void rejectsAStepWithoutATypeWithTheStepNamed() {
    FlowState state =
        FlowState.fromJson(json("{'value': {'modules': [{'id': 'x', 'value': {'a': 1}}]}}"));

    List<Check> checks = validator().validate(state);

    assertThat(checks).hasSize(1);
    assertThat(checks.get(0).name()).isEqualTo(StructureValidator.PARSES);
    assertThat(checks.get(0).detail()).contains("step 'x' has no 'value.type'");
  }

  @ParameterizedTest(name = "body [{0}]")
  @MethodSource("stubBodies")
  void aMainThatOnlyReturnsNothingIsAPlaceholder(String body) {
    FlowState stub = flow(A, code("s1", "export async function main(a: string) {" + body + "}"));

    Check check = check(stub, StructureValidator.NO_PLACEHOLDERS);

    assertThat(check.passed()).isFalse();
    assertThat(check.detail()).contains("s1");
  }

  static Stream<String> stubBodies() {
    return Stream.of(" return null; ", " return {}; ", " return; ", "", " return undefined ");
  }

  @Test
  void aStubbedAgentToolIsAPlaceholder() {
    FlowState agent = flow(A, agent("export async function main(q: string) { return null; }"));

    Check check = check(agent, StructureValidator.NO_PLACEHOLDERS);

    assertThat(check.passed()).isFalse();
    assertThat(check.detail()).contains("lookup");
  }

  @Test
  void agentToolIdsAreCheckedWithTheSteps() {
    FlowState agent =
        flow(A, raw("lookup", "1"), agent("export function main(q: string) { return q; }"));

    assertThat(check(agent, StructureValidator.UNIQUE_IDS).detail()).contains("lookup");
  }

  @Test
  void anInventedPathFailsEvenWithoutAWorkspaceCatalog() {
    FlowState flow = flow(A, script("s1", "f/shared/made_up"), script("s2", "hub/1/slack"));
    FlowValidator bare = new FlowValidator(FlowRules.NONE, null, null, WorkspaceCatalog.EMPTY);

    Check check =
        bare.validate(flow).stream()
            .filter(c -> c.name().equals(StructureValidator.PATHS_EXIST))
            .findFirst()
            .orElseThrow();

    assertThat(check.passed()).isFalse();
    assertThat(check.detail()).contains("f/shared/made_up").doesNotContain("hub/1/slack");
  }

  @Test
  void aPathTheExpectedFlowOrThePromptNamesMayBeCalled() {
    FlowState expected = flow(A, script("s1", "f/team/known"));
    FlowValidator validator =
        new FlowValidator(
            FlowRules.NONE, null, expected, WorkspaceCatalog.EMPTY, "call f/team/other please");

    List<Check> checks =
        validator.validate(flow(A, script("s1", "f/team/known"), script("s2", "f/team/other")));

    assertThat(checks)
        .filteredOn(c -> c.name().equals(StructureValidator.PATHS_EXIST))
        .allMatch(Check::passed);
  }

  static String agent(String toolCode) {
    return "{'id': 'agent', 'value': {'type': 'aiagent', 'input_transforms': {}, 'tools': [{'id':"
        + " 'lookup', 'value': {'tool_type': 'flowmodule', 'type': 'rawscript', 'language': 'bun',"
        + " 'content': '"
        + toolCode
        + "', 'input_transforms': {}}}]}}";
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
