package dev.evals.modes.script;

import static dev.evals.modes.script.ScriptJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.evals.agent.Tool;
import dev.evals.agent.ToolReply;
import dev.evals.cases.CaseRuntime;
import dev.evals.cases.PreviewExpect;
import dev.evals.modes.PreviewOutcome;
import dev.evals.modes.Previewer;
import dev.evals.modes.RecordingPreviewer;
import dev.evals.modes.ScriptPreview;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptToolsTest {

  private static final String GREET =
      "{'language': 'bun', 'content': 'export async function main(name: string) {\\n  return"
          + " `Hello, ${name}!`\\n}', 'args': {'name': 'Ada'}}";

  private final RecordingPreviewer previews = new RecordingPreviewer();

  @Test
  void toolNamesAreTheContract() {
    assertThat(session(null).tools())
        .extracting(Tool::name)
        .containsExactly(
            "get_script", "set_script", "test_run_script", "create_schedule", "create_trigger");
  }

  @Test
  void schedulesAndTriggersRunTheCurrentScriptAtItsPathWithoutExtension() throws Exception {
    ScriptSession session =
        new ScriptSession(
            "greet",
            "prompt",
            new ScriptState(
                "f/evals/greet_user.ts", "bun", "export async function main() {}", null),
            new ScriptValidator(ScriptRules.NONE, null, null),
            null,
            null);

    ToolReply reply =
        tool(session, "create_schedule")
            .call(json("{'path': 'f/evals/greet_user_daily', 'schedule': '0 0 9 * * *'}"));
    Map<String, String> files = new LinkedHashMap<>();
    session.writeArtifacts(files::put);

    assertThat(reply.content()).contains("created for script f/evals/greet_user:");
    assertThat(files).containsKey("schedules.json");
    assertThat(
            json(files.get("schedules.json").replace('"', '\'')).get(0).get("script_path").asText())
        .isEqualTo("f/evals/greet_user");
  }

  @Test
  void aScriptWithoutAPathIsScheduledUnderEvalsNamedAfterTheCase() {
    ScriptSession session = session(null);

    tool(session, "create_trigger")
        .call(
            json(
                "{'path': 'f/evals/greet_hook', 'kind': 'http', 'route_path': 'greet',"
                    + " 'http_method': 'post'}"));

    assertThat(session.deployments().triggers().get(0).runnablePath()).isEqualTo("f/evals/greet");
  }

  @Test
  void getScriptStartsFromAnEmptyScript() {
    ScriptSession session = session(null);

    ToolReply reply = tool(session, "get_script").call(json("{}"));

    assertThat(json(reply.content()))
        .isEqualTo(json("{'language': '', 'content': '', 'args': {}}"));
    assertThat(session.hasArtifact()).isFalse();
  }

  @Test
  void setScriptAnswersOkForASoundScript() {
    ScriptSession session = session(null);

    ToolReply reply = tool(session, "set_script").call(json(GREET));

    assertThat(reply).isEqualTo(ToolReply.ok("ok"));
    assertThat(session.hasArtifact()).isTrue();
    assertThat(session.current().args()).isEqualTo(json("{'name': 'Ada'}"));
  }

  @Test
  void setScriptSavesButReportsEachProblem() {
    ScriptSession session = session(null);

    ToolReply reply =
        tool(session, "set_script")
            .call(json("{'language': 'bun', 'content': 'function main() {\\n  // TODO\\n'}"));

    assertThat(reply.isError()).isTrue();
    assertThat(reply.content())
        .startsWith("The script was saved, but it has problems to fix:")
        .contains("main entry point failed: main is not exported")
        .contains("brackets and strings balance failed: unclosed '{' opened at line 1")
        .contains("no placeholder code failed: placeholder at line 2: '// TODO'");
    assertThat(session.current().content()).startsWith("function main()");
  }

  @Test
  void testRunWithoutAPreviewerSaysTheScriptWasNotExecuted() {
    ScriptSession session = session(null);
    tool(session, "set_script").call(json(GREET));

    ToolReply reply = tool(session, "test_run_script").call(json("{'args': {'name': 'Bo'}}"));

    assertThat(reply.isError()).isFalse();
    assertThat(reply.content())
        .startsWith("The script was NOT executed")
        .contains("only a static check was done")
        .endsWith("Static check passed.");
  }

  @Test
  void testRunWithoutAScriptAsksForOneFirst() {
    ToolReply reply = tool(session(null), "test_run_script").call(json("{}"));

    assertThat(reply)
        .isEqualTo(ToolReply.error("There is no script to run yet: call set_script first."));
  }

  @Test
  void testRunWithAPreviewerRunsTheScriptAndReturnsItsResult() {
    ScriptSession session =
        session(
            request -> new PreviewOutcome(true, false, TextNode.valueOf("Hello, Bo!"), null, null));
    tool(session, "set_script").call(json(GREET));

    ToolReply reply = tool(session, "test_run_script").call(json("{'args': {'name': 'Bo'}}"));

    assertThat(reply)
        .isEqualTo(
            ToolReply.ok("The script ran on Windmill and succeeded. Result:\n\"Hello, Bo!\""));
    assertThat(previews.requests())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request).isInstanceOf(ScriptPreview.class);
              assertThat(request.caseId()).isEqualTo("greet");
              assertThat(((ScriptPreview) request).language()).isEqualTo("bun");
              assertThat(request.args()).isEqualTo(json("{'name': 'Bo'}"));
              assertThat(request.argsSource()).isEqualTo("tool");
              assertThat(request.timeoutSeconds()).isEqualTo(30);
            });
  }

  @Test
  void testRunWithoutArgsUsesTheScriptsOwnArgs() {
    ScriptSession session = session(request -> new PreviewOutcome(true, false, null, null, null));
    tool(session, "set_script").call(json(GREET));

    tool(session, "test_run_script").call(json("{}"));

    assertThat(previews.requests().get(0).args()).isEqualTo(json("{'name': 'Ada'}"));
    assertThat(previews.requests().get(0).expect())
        .as("the model never sees the expected result")
        .isNull();
    assertThat(session.previewRequest().orElseThrow().expect()).isNotNull();
  }

  @Test
  void aFailedJobIsReportedAsTheScriptsError() {
    ScriptSession session =
        session(
            request -> new PreviewOutcome(false, false, null, "TypeError: x is undefined", null));
    tool(session, "set_script").call(json(GREET));

    ToolReply reply = tool(session, "test_run_script").call(json("{}"));

    assertThat(reply)
        .isEqualTo(
            ToolReply.error("The script ran on Windmill and failed:\nTypeError: x is undefined"));
  }

  @Test
  void anUnreachableBackendIsNotBlamedOnTheScript() {
    ScriptSession session =
        session(request -> new PreviewOutcome(false, true, null, "connection refused", null));
    tool(session, "set_script").call(json(GREET));

    ToolReply reply = tool(session, "test_run_script").call(json("{}"));

    assertThat(reply.isError()).isTrue();
    assertThat(reply.content())
        .contains("connection refused")
        .contains("not a problem with your script");
  }

  private ScriptSession session(Previewer previewer) {
    Previewer recording = previews.around(previewer);
    return new ScriptSession(
        "greet",
        "prompt",
        null,
        new ScriptValidator(ScriptRules.NONE, null, null),
        new CaseRuntime.BackendPreview(
            json("{'name': 'Case'}"), 30, new PreviewExpect(null, json("'Hello'"))),
        recording);
  }

  private static Tool tool(ScriptSession session, String name) {
    return session.tools().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }
}
