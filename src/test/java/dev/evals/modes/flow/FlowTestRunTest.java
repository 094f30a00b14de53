package dev.evals.modes.flow;

import static dev.evals.modes.flow.FlowJson.flow;
import static dev.evals.modes.flow.FlowJson.json;
import static dev.evals.modes.flow.FlowJson.raw;
import static dev.evals.modes.flow.FlowPreviewsTest.WORKSPACE;
import static dev.evals.modes.flow.FlowPreviewsTest.tool;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.evals.agent.ToolReply;
import dev.evals.cases.CaseRuntime;
import dev.evals.cases.PreviewExpect;
import dev.evals.modes.FlowPreview;
import dev.evals.modes.PreviewOutcome;
import dev.evals.modes.Previewer;
import dev.evals.modes.RecordingPreviewer;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowTestRunTest {

  private final RecordingPreviewer previews = new RecordingPreviewer();

  @Test
  void runsTheCurrentFlowOnWindmillWithTheModelsArgumentsAndTheSeeds() {
    FlowSession session =
        session(request -> new PreviewOutcome(true, false, TextNode.valueOf("7"), null, null));
    FlowState built = flow(List.of("a"), raw("s1", "flow_input.a"));
    tool(session, "set_flow").call(built.toJson());
    tool(session, "create_schedule")
        .call(json("{'path': 'f/evals/daily_sum', 'schedule': '0 0 7 * * *'}"));

    ToolReply reply = tool(session, "test_run_flow").call(json("{'args': {'a': 'x'}}"));

    assertThat(reply)
        .isEqualTo(ToolReply.ok("The flow ran on Windmill and succeeded. Result:\n\"7\""));
    assertThat(previews.requests())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request).isInstanceOf(FlowPreview.class);
              assertThat(request.caseId()).isEqualTo("sum-case");
              assertThat(((FlowPreview) request).value()).isEqualTo(built.value());
              assertThat(request.args()).isEqualTo(json("{'a': 'x'}"));
              assertThat(request.argsSource()).isEqualTo("tool");
              assertThat(request.timeoutSeconds()).isEqualTo(20);
              assertThat(request.seedScripts()).hasSize(1);
              assertThat(request.seedFlows()).hasSize(1);
              assertThat(((FlowPreview) request).deploys()).isFalse();
              assertThat(request.expect()).as("the model never sees the expected result").isNull();
            });
  }

  @Test
  void truncatesALongResult() {
    String big = "x".repeat(FlowTestRun.RESULT_LIMIT * 2);
    FlowSession session =
        session(request -> new PreviewOutcome(true, false, TextNode.valueOf(big), null, null));
    tool(session, "set_flow").call(flow(List.of("a"), raw("s1", "flow_input.a")).toJson());

    ToolReply reply = tool(session, "test_run_flow").call(json("{'args': {'a': 'x'}}"));

    assertThat(reply.content())
        .hasSizeLessThan(FlowTestRun.RESULT_LIMIT + 200)
        .endsWith("[result truncated: %d characters in all]".formatted(big.length() + 2));
  }

  @Test
  void aFailedJobAnswersWindmillsErrorAndTheEndOfTheLogs() {
    FlowSession session =
        session(
            request ->
                new PreviewOutcome(
                    false,
                    false,
                    null,
                    "ExecutionErr: s1: TypeError: a.toFixed is not a function",
                    json("{'logs': 'job started\\nat main (s1.ts:1)\\n'}")));
    tool(session, "set_flow").call(flow(List.of("a"), raw("s1", "flow_input.a")).toJson());

    ToolReply reply = tool(session, "test_run_flow").call(json("{'args': {'a': 'x'}}"));

    assertThat(reply)
        .isEqualTo(
            ToolReply.error(
                "The flow ran on Windmill and failed:\n"
                    + "ExecutionErr: s1: TypeError: a.toFixed is not a function\n"
                    + "End of the logs:\njob started\nat main (s1.ts:1)"));
  }

  @Test
  void anUnusableBackendIsAToolErrorNotBlamedOnTheFlow() {
    FlowSession session =
        session(request -> new PreviewOutcome(false, true, null, "connection refused", null));
    tool(session, "set_flow").call(flow(List.of("a"), raw("s1", "flow_input.a")).toJson());

    ToolReply reply = tool(session, "test_run_flow").call(json("{'args': {'a': 'x'}}"));

    assertThat(reply.isError()).isTrue();
    assertThat(reply.content())
        .startsWith("The preview could not run: connection refused")
        .contains("not a problem with your flow");
  }

  @Test
  void anEmptyFlowIsNotSentToWindmill() {
    FlowSession session = session(request -> new PreviewOutcome(true, false, null, null, null));

    ToolReply reply = tool(session, "test_run_flow").call(json("{}"));

    assertThat(reply)
        .isEqualTo(ToolReply.error("There is no flow to run yet: call set_flow first."));
    assertThat(previews.requests()).isEmpty();
  }

  @Test
  void withoutAPreviewerOnlyAStaticCheckIsDone() {
    FlowSession session = session(null);
    tool(session, "set_flow").call(flow(List.of("a"), raw("s1", "flow_input.a")).toJson());

    ToolReply reply = tool(session, "test_run_flow").call(json("{'args': {'a': 3}}"));

    assertThat(reply.isError()).isTrue();
    assertThat(reply.content())
        .startsWith("The flow was NOT executed")
        .contains("args do not match the input schema");
    assertThat(tool(session, "test_run_flow").spec().description())
        .startsWith("Checks the current flow");
  }

  private FlowSession session(Previewer previewer) {
    Previewer recording = previews.around(previewer);
    return new FlowSession(
        "prompt",
        null,
        WORKSPACE,
        new FlowValidator(FlowRules.NONE, null, null, WORKSPACE),
        "f/evals/sum_flow",
        new PreviewSetup(
            "sum-case",
            new CaseRuntime.BackendPreview(
                json("{'a': 'case'}"), 20, new PreviewExpect(json("{'sum': 3}"), null)),
            recording));
  }
}
