package dev.evals.modes.flow;

import static dev.evals.modes.flow.FlowJson.flow;
import static dev.evals.modes.flow.FlowJson.json;
import static dev.evals.modes.flow.FlowJson.raw;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.agent.Tool;
import dev.evals.cases.CaseRuntime;
import dev.evals.cases.PreviewExpect;
import dev.evals.modes.FlowPreview;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowPreviewsTest {

  static final WorkspaceCatalog WORKSPACE =
      new WorkspaceCatalog(
          List.of(
              new WorkspaceCatalog.Script(
                  "f/evals/add_two_numbers.ts",
                  "Add two numbers",
                  "Returns a + b",
                  "bun",
                  json("{'type': 'object', 'properties': {'a': {'type': 'number'}}}"),
                  "export async function main(a: number, b: number) { return a + b }")),
          List.of(
              new WorkspaceCatalog.Flow(
                  "f/evals/notify_team", "Notify the team", null, null, json("{'modules': []}"))));

  private static final CaseRuntime.BackendPreview CASE_PREVIEW =
      new CaseRuntime.BackendPreview(json("{'a': 'from the case'}"), 45);

  @Test
  void theAttemptPreviewsTheFinalFlowWithTheCasesArgumentsAndSeeds() {
    FlowSession session = session(CASE_PREVIEW);
    FlowState built = flow(List.of("a"), raw("s1", "flow_input.a"));
    tool(session, "set_flow").call(built.toJson());

    FlowPreview request = (FlowPreview) session.previewRequest().orElseThrow();

    assertThat(request.caseId()).isEqualTo("sum-case");
    assertThat(request.kind()).isEqualTo("flow");
    assertThat(request.value()).isEqualTo(built.value());
    assertThat(request.args()).isEqualTo(json("{'a': 'from the case'}"));
    assertThat(request.argsSource()).isEqualTo("case");
    assertThat(request.timeoutSeconds()).isEqualTo(45);
    assertThat(request.seedScripts())
        .containsExactly(
            json(
                "{'path': 'f/evals/add_two_numbers.ts', 'summary': 'Add two numbers',"
                    + " 'description': 'Returns a + b', 'language': 'bun',"
                    + " 'schema': {'type': 'object', 'properties': {'a': {'type': 'number'}}},"
                    + " 'content': 'export async function main(a: number, b: number) { return a"
                    + " + b }'}"));
    assertThat(request.seedFlows())
        .containsExactly(
            json(
                "{'path': 'f/evals/notify_team', 'summary': 'Notify the team',"
                    + " 'value': {'modules': []}}"));
  }

  @Test
  void theAttemptPreviewCreatesTheFlowAtItsPathWithItsScheduleAndTrigger() {
    FlowSession session = session(CASE_PREVIEW);
    tool(session, "set_flow").call(flow(List.of("a"), raw("s1", "flow_input.a")).toJson());
    tool(session, "create_schedule")
        .call(json("{'path': 'f/evals/daily_sum', 'schedule': '0 0 7 * * *', 'args': {'a': 'x'}}"));
    tool(session, "create_trigger")
        .call(
            json(
                "{'path': 'f/evals/sum_hook', 'kind': 'http', 'route_path': 'sum',"
                    + " 'http_method': 'post'}"));

    FlowPreview request = (FlowPreview) session.previewRequest().orElseThrow();

    assertThat(request.path()).isEqualTo("f/evals/sum_flow");
    assertThat(request.deploys()).isTrue();
    assertThat(request.schedules())
        .containsExactly(
            json(
                "{'path': 'f/evals/daily_sum', 'schedule': '0 0 7 * * *', 'timezone': 'UTC',"
                    + " 'script_path': 'f/evals/sum_flow', 'is_flow': true, 'args': {'a': 'x'},"
                    + " 'enabled': true}"));
    assertThat(request.triggers())
        .singleElement()
        .satisfies(
            trigger -> {
              assertThat(trigger.path("route_path").asText()).isEqualTo("sum");
              assertThat(trigger.path("script_path").asText()).isEqualTo("f/evals/sum_flow");
              assertThat(trigger.path("is_flow").asBoolean()).isTrue();
            });
  }

  @Test
  void theAttemptPreviewCarriesTheCasesExpectedResult() {
    PreviewExpect expect = new PreviewExpect(null, json("{'sum': 3}"));
    FlowSession session =
        session(new CaseRuntime.BackendPreview(json("{'a': 'from the case'}"), 45, expect));
    tool(session, "set_flow").call(flow(List.of("a"), raw("s1", "flow_input.a")).toJson());

    assertThat(session.previewRequest().orElseThrow().expect()).isEqualTo(expect);
  }

  @Test
  void aCaseWithoutBackendPreviewHasNoAttemptPreview() {
    FlowSession session = session(null);
    tool(session, "set_flow").call(flow(List.of("a"), raw("s1", "flow_input.a")).toJson());

    assertThat(session.previewRequest()).isEmpty();
  }

  @Test
  void anAttemptThatBuiltNothingHasNoPreview() {
    assertThat(session(CASE_PREVIEW).previewRequest()).isEmpty();
  }

  private static FlowSession session(CaseRuntime.BackendPreview casePreview) {
    return new FlowSession(
        "prompt",
        null,
        WORKSPACE,
        new FlowValidator(FlowRules.NONE, null, null, WORKSPACE),
        "f/evals/sum_flow",
        new PreviewSetup("sum-case", casePreview, null));
  }

  static Tool tool(FlowSession session, String name) {
    return session.tools().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }
}
