package dev.evals.modes.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.agent.AgentListener;
import dev.evals.agent.AgentLoop;
import dev.evals.agent.AgentResult;
import dev.evals.cases.CaseDefinition;
import dev.evals.cases.CaseFileException;
import dev.evals.cases.Fixtures;
import dev.evals.cases.SourceLocation;
import dev.evals.model.ChatModel;
import dev.evals.model.ChatResponse;
import dev.evals.model.ToolCall;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.Session;
import dev.evals.modes.SessionContext;
import dev.evals.validate.Check;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowModeTest {

  private static final String WORKSPACE =
      "{'workspace': {'scripts': [{'path': 'f/evals/add_two_numbers.ts', 'summary': 'Add two"
          + " numbers', 'description': 'Returns a + b', 'language': 'bun', 'schema': {'type':"
          + " 'object', 'properties': {'a': {'type': 'number'}, 'b': {'type': 'number'}}},"
          + " 'content': 'export async function main(a: number, b: number) { return a + b }'}]}}";
  private static final String SOLUTION =
      "{'summary': 'Sum', 'value': {'modules': [{'id': 'sum_numbers', 'value': {'type': 'script',"
          + " 'path': 'f/evals/add_two_numbers', 'input_transforms': {'a': {'type': 'javascript',"
          + " 'expr': 'flow_input.a'}, 'b': {'type': 'javascript', 'expr': 'flow_input.b'}}}}]},"
          + " 'schema': {'type': 'object', 'properties': {'a': {'type': 'number'}, 'b': {'type':"
          + " 'number'}}, 'required': ['a', 'b']}}";
  private static final String RULES =
      "{'exactTopLevelStepIds': ['sum_numbers'], 'moduleRules': [{'id': 'sum_numbers',"
          + " 'requiredInputTransforms': [{'type': 'javascript', 'expr': 'flow_input.a'}]}]}";

  @TempDir Path root;

  @Test
  void agentLoopBuildingTheSolutionPassesEveryCheck() throws IOException {
    Session session = prepare(RULES).openSession(SessionContext.DEFAULT);
    ScriptedModel model =
        new ScriptedModel(
            List.of(call("get_flow", "{}"), call("search_workspace", "{'query': 'add numbers'}")),
            List.of(call("set_flow", SOLUTION)),
            List.of(call("test_run_flow", "{'args': {'a': 1, 'b': 2}}")));

    AgentResult result =
        new AgentLoop(model, AgentListener.SILENT)
            .run(session.systemPrompt(), "sum", session.tools(), 10);

    assertThat(result.stop()).isEqualTo(AgentResult.Stop.COMPLETED);
    assertThat(result.invocations()).noneMatch(invocation -> invocation.isError());
    assertThat(session.hasArtifact()).isTrue();
    assertThat(session.validate())
        .allSatisfy(check -> assertThat(check.passed()).as(check.toString()).isTrue());
    assertThat(session.validate())
        .extracting(Check::name)
        .contains(StructureValidator.PATHS_EXIST, "sum_numbers path matches expected");
  }

  @Test
  void brokenReferenceIsReportedWithTheStepAndTheReference() throws IOException {
    Session session = prepare(RULES).openSession(SessionContext.DEFAULT);
    String broken = SOLUTION.replace("'expr': 'flow_input.b'", "'expr': 'results.later.total'");
    ScriptedModel model = new ScriptedModel(List.of(call("set_flow", broken)));

    AgentResult result =
        new AgentLoop(model, AgentListener.SILENT)
            .run(session.systemPrompt(), "sum", session.tools(), 5);

    assertThat(result.invocations().get(0).isError()).isTrue();
    Check references =
        session.validate().stream()
            .filter(c -> c.name().equals(ResultsExpressionValidator.RESULTS))
            .findFirst()
            .orElseThrow();
    assertThat(references.passed()).isFalse();
    assertThat(references.detail())
        .contains("step 'sum_numbers' input 'b' references results.later.total")
        .contains("no step 'later' exists");
  }

  @Test
  void referenceSolutionLooksUpReusedRunnablesThenSetsTheExpectedFlow() throws IOException {
    PreparedCase prepared = prepare(RULES);

    assertThat(prepared.referenceSolution())
        .extracting(ToolCall::id, ToolCall::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ref-1", "get_flow"),
            org.assertj.core.groups.Tuple.tuple("ref-2", "search_workspace"),
            org.assertj.core.groups.Tuple.tuple("ref-3", "get_runnable_details"),
            org.assertj.core.groups.Tuple.tuple("ref-4", "set_flow"));
    assertThat(prepared.referenceIsComplete()).isTrue();
    assertThat(prepared.expectedState().path("value").path("modules")).hasSize(1);
  }

  @Test
  void aSkeletonExpectedFlowWithoutCodeIsAnIncompleteReference() throws IOException {
    Files.writeString(
        root.resolve("skeleton.json"),
        FlowJson.json(
                "{'value': {'modules': [{'id': 'a', 'value': {'type': 'rawscript'}}]},"
                    + " 'schema': {'type': 'object', 'properties': {}}}")
            .toString());

    PreparedCase prepared =
        new FlowMode().prepare(definition("{}", null, "skeleton.json"), new Fixtures(root));

    assertThat(prepared.referenceIsComplete()).isFalse();
    assertThat(prepared.referenceSolution()).hasSize(2);
  }

  @Test
  void rejectsARuleWithoutIdAtItsFieldPath() {
    assertThatThrownBy(() -> prepare("{'moduleRules': [{'hasStopAfterIf': true}]}"))
        .isInstanceOf(CaseFileException.class)
        .hasMessageContaining("cases/flow.yaml:21:")
        .hasMessageContaining("validate.moduleRules[0]")
        .hasMessageContaining("'id' is required");
  }

  @Test
  void rejectsAMistypedRuleValueAtItsFieldPath() {
    assertThatThrownBy(
            () ->
                prepare(
                    "{'topLevelStepTypeCountsAtLeast': [{'type': 'branchall', 'count': 'many'}]}"))
        .isInstanceOf(CaseFileException.class)
        .hasMessageContaining("validate.topLevelStepTypeCountsAtLeast[0].count");
  }

  @Test
  void rejectsAnUnknownFieldInsideARule() {
    assertThatThrownBy(() -> prepare("{'moduleRules': [{'id': 'a', 'hasStopAfter': true}]}"))
        .isInstanceOf(CaseFileException.class)
        .hasMessageContaining("cases/flow.yaml:22:")
        .hasMessageContaining("validate.moduleRules[0].hasStopAfter")
        .hasMessageContaining("known fields: exactImmediateChildStepIds");
  }

  @Test
  void readsTheFlatRulesIntoTheirGroups() {
    FlowRules rules =
        FlowRulesReader.read(
            definition(
                "{'topLevelStepOrder': ['a', 'b'], 'schemaRequiredPaths': ['x'],"
                    + " 'requireSpecialModules': ['failure_module']}",
                null,
                null));

    assertThat(rules.topLevel().topLevelStepOrder()).containsExactly("a", "b");
    assertThat(rules.schema().schemaRequiredPaths()).containsExactly("x");
    assertThat(rules.steps().requireSpecialModules()).containsExactly("failure_module");
    assertThat(rules.steps().moduleRules()).isEmpty();
  }

  @Test
  void rejectsAnUnknownSpecialModuleAtItsIndex() {
    assertThatThrownBy(
            () -> prepare("{'requireSpecialModules': ['failure_module', 'error_handler']}"))
        .isInstanceOf(CaseFileException.class)
        .hasMessageContaining("validate.requireSpecialModules[1]")
        .hasMessageContaining("got 'error_handler'");
  }

  @Test
  void rejectsAnExpectedFixtureThatIsNotOpenFlow() throws IOException {
    Files.writeString(root.resolve("bad.json"), "{\"value\": {\"modules\": [{\"id\": \"a\"}]}}");
    CaseDefinition definition = definition("{}", null, "bad.json");

    assertThatThrownBy(() -> new FlowMode().prepare(definition, new Fixtures(root)))
        .isInstanceOf(CaseFileException.class)
        .hasMessageContaining("expected flow is not valid OpenFlow: step 'a' has no 'value'");
  }

  @Test
  void listsExactlyTheSupportedRuleNames() {
    assertThat(new FlowMode().validateRuleNames()).hasSize(12).contains("moduleFieldRules");
    assertThat(new FlowMode().name()).isEqualTo("flow");
  }

  private PreparedCase prepare(String rules) throws IOException {
    Files.writeString(root.resolve("initial.json"), FlowJson.json(WORKSPACE).toString());
    Files.writeString(root.resolve("expected.json"), FlowJson.json(SOLUTION).toString());
    return new FlowMode()
        .prepare(definition(rules, "initial.json", "expected.json"), new Fixtures(root));
  }

  private static CaseDefinition definition(String rules, String initial, String expected) {
    Map<String, Integer> lines = new HashMap<>();
    lines.put("validate", 20);
    lines.put("validate.moduleRules[0]", 21);
    lines.put("validate.moduleRules[0].hasStopAfter", 22);
    lines.put("expected", 5);
    return new CaseDefinition(
        "sum",
        "sum two numbers",
        new CaseDefinition.Fixtures(initial, expected),
        new CaseDefinition.Expectations((ObjectNode) FlowJson.json(rules), null, null),
        null,
        null,
        null,
        new SourceLocation("cases/flow.yaml", 1, lines));
  }

  private static ToolCall call(String name, String singleQuotedArguments) {
    return new ToolCall(name + "-id", name, FlowJson.json(singleQuotedArguments).toString());
  }

  /** Answers each request with the next scripted turn of tool calls, then stops. */
  private static final class ScriptedModel implements ChatModel {
    private final Deque<List<ToolCall>> turns;

    @SafeVarargs
    ScriptedModel(List<ToolCall>... turns) {
      this.turns = new ArrayDeque<>(List.of(turns));
    }

    @Override
    public ChatResponse chat(dev.evals.model.ChatRequest request) {
      List<ToolCall> next = turns.poll();
      return next == null
          ? new ChatResponse("done", List.of(), null, "end_turn")
          : new ChatResponse("", next, null, "tool_use");
    }
  }
}
