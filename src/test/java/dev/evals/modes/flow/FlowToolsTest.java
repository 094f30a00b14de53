package dev.evals.modes.flow;

import static dev.evals.modes.flow.FlowJson.flow;
import static dev.evals.modes.flow.FlowJson.json;
import static dev.evals.modes.flow.FlowJson.raw;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.agent.Tool;
import dev.evals.agent.ToolReply;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowToolsTest {

  private static final WorkspaceCatalog WORKSPACE =
      new WorkspaceCatalog(
          List.of(
              new WorkspaceCatalog.Script(
                  "f/evals/add_two_numbers.ts",
                  "Add two numbers",
                  "Returns a + b",
                  "bun",
                  null,
                  "export async function main(a: number, b: number) { return a + b }")),
          List.of(
              new WorkspaceCatalog.Flow(
                  "f/evals/notify_team",
                  "Notify the team",
                  "Posts to Slack",
                  null,
                  json("{'modules': []}"))));

  private final FlowSession session =
      new FlowSession(
          "prompt",
          null,
          WORKSPACE,
          new FlowValidator(FlowRules.NONE, null, null, WORKSPACE),
          "f/evals/sum_flow");

  @Test
  void toolNamesAreTheContract() {
    assertThat(session.tools())
        .extracting(Tool::name)
        .containsExactly(
            "get_flow",
            "set_flow",
            "search_workspace",
            "get_runnable_details",
            "test_run_flow",
            "set_module_code",
            "create_schedule",
            "create_trigger");
  }

  @Test
  void getFlowStartsFromAnEmptyFlow() {
    ToolReply reply = tool("get_flow").call(json("{}"));

    assertThat(reply.content()).contains("\"modules\" : [ ]");
    assertThat(session.hasArtifact()).isFalse();
  }

  @Test
  void setFlowAnswersOkForASoundFlow() {
    ToolReply reply = tool("set_flow").call(flow(List.of("a"), raw("s1", "flow_input.a")).toJson());

    assertThat(reply).isEqualTo(ToolReply.ok("ok"));
    assertThat(session.hasArtifact()).isTrue();
  }

  @Test
  void setFlowSavesButListsTheProblemsItFound() {
    FlowState broken = flow(List.of("a"), raw("s1", "results.s2"), raw("s2", "flow_input.zzz"));

    ToolReply reply = tool("set_flow").call(broken.toJson());

    assertThat(reply.isError()).isTrue();
    assertThat(reply.content())
        .contains("The flow was saved")
        .contains("step 's1' input 'x0' references results.s2, a step that runs later")
        .contains("reads flow_input.zzz, but the input schema has no property 'zzz'");
    assertThat(session.current()).isEqualTo(broken);
  }

  @Test
  void setFlowRefusesAValueThatIsNotOpenFlow() {
    ToolReply reply =
        tool("set_flow").call(json("{'value': {'modules': [{'id': 'a'}]}, 'schema': {}}"));

    assertThat(reply.isError()).isTrue();
    assertThat(reply.content()).contains("was not saved").contains("step 'a' has no 'value'");
    assertThat(session.hasArtifact()).isFalse();
  }

  @Test
  void searchWorkspaceMatchesEveryTermCaseInsensitively() {
    assertThat(tool("search_workspace").call(json("{'query': 'ADD numbers'}")).content())
        .contains("f/evals/add_two_numbers.ts")
        .doesNotContain("notify_team");
    assertThat(tool("search_workspace").call(json("{'query': 'slack'}")).content())
        .contains("f/evals/notify_team");
    assertThat(tool("search_workspace").call(json("{'query': 'weather'}")).content())
        .contains("No workspace script or flow matches 'weather'");
  }

  @Test
  void getRunnableDetailsFindsAScriptWithoutItsExtension() {
    ToolReply reply =
        tool("get_runnable_details").call(json("{'path': 'f/evals/add_two_numbers'}"));

    assertThat(reply.isError()).isFalse();
    assertThat(reply.content()).contains("\"kind\" : \"script\"").contains("return a + b");
  }

  @Test
  void getRunnableDetailsReportsAnUnknownPath() {
    ToolReply reply = tool("get_runnable_details").call(json("{'path': 'f/evals/nope'}"));

    assertThat(reply.isError()).isTrue();
    assertThat(reply.content()).contains("No script or flow at path 'f/evals/nope'");
  }

  @Test
  void testRunSaysTheFlowWasNotExecutedAndChecksTheArguments() {
    tool("set_flow").call(flow(List.of("a"), raw("s1", "flow_input.a")).toJson());

    ToolReply good = tool("test_run_flow").call(json("{'args': {'a': 'x'}}"));
    ToolReply bad = tool("test_run_flow").call(json("{'args': {'a': 3}}"));

    assertThat(good.content()).contains("NOT executed").contains("Static check passed");
    assertThat(bad.isError()).isTrue();
    assertThat(bad.content()).contains("args do not match the input schema");
  }

  @Test
  void setModuleCodeEditsANestedRawscriptStep() {
    tool("set_flow")
        .call(flow(List.of("a"), FlowJson.forLoop("loop", "[1]", raw("inner", "1"))).toJson());

    ToolReply reply =
        tool("set_module_code")
            .call(
                json("{'id': 'inner', 'content': 'export function main(x0: any) { return 2; }'}"));

    assertThat(reply).isEqualTo(ToolReply.ok("ok"));
    assertThat(session.current().toJson().toString()).contains("return 2");
    assertThat(tool("set_module_code").call(json("{'id': 'loop', 'content': 'x'}")).isError())
        .isTrue();
  }

  private Tool tool(String name) {
    return session.tools().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }
}
