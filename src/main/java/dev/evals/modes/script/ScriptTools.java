package dev.evals.modes.script;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.agent.FunctionTool;
import dev.evals.agent.Tool;
import dev.evals.agent.ToolReply;
import dev.evals.json.Mappers;
import dev.evals.modes.EditReply;
import dev.evals.modes.InputSchemas;
import dev.evals.modes.PreviewJob;
import dev.evals.modes.PreviewOutcome;
import dev.evals.modes.Previewer;
import dev.evals.modes.ScriptPreview;
import java.util.List;

/** The script mode's tools, bound to one session's draft. Their names are a contract. */
final class ScriptTools {

  static final String GET_SCRIPT = "get_script";
  static final String SET_SCRIPT = "set_script";
  static final String TEST_RUN_SCRIPT = "test_run_script";

  private static final String SET_INPUT =
      """
      {"type": "object",
       "properties": {
         "language": {"type": "string",
           "description": "Windmill language: bun, deno, nativets, python3, go, bash, powershell, postgresql, mysql, ..."},
         "content": {"type": "string", "description": "The script's complete code"},
         "args": {"type": "object", "description": "Example arguments by name, for test runs"}},
       "required": ["language", "content"], "additionalProperties": false}
      """;
  private static final String TEST_RUN_INPUT =
      """
      {"type": "object",
       "properties": {"args": {"type": "object", "description": "The script's arguments by name"}},
       "additionalProperties": false}
      """;

  private final ScriptSession session;
  private final Previewer previewer;

  ScriptTools(ScriptSession session, Previewer previewer) {
    this.session = session;
    this.previewer = previewer;
  }

  List<Tool> all() {
    return List.of(
        FunctionTool.of(
            GET_SCRIPT,
            "Returns the current script as {language, content, args}; empty when there is none.",
            InputSchemas.NONE,
            args -> ToolReply.ok(session.current().toPrettyJson())),
        FunctionTool.of(
            SET_SCRIPT,
            "Replaces the whole script with {language, content, args?} and reports problems"
                + " (missing main entry point, unbalanced brackets or strings, placeholder code).",
            SET_INPUT,
            this::setScript),
        FunctionTool.of(
            TEST_RUN_SCRIPT,
            "Runs the current script with the given arguments and returns its result or error.",
            TEST_RUN_INPUT,
            this::testRun));
  }

  private ToolReply setScript(JsonNode args) {
    ScriptState current = session.current();
    JsonNode given = args.get("args");
    ScriptState script =
        new ScriptState(
            current.path(),
            args.path("language").asText(),
            args.path("content").asText(),
            given != null && given.isObject() ? (ObjectNode) given : current.args());
    session.replace(script);
    return EditReply.of(
        "The script was saved, but it has problems to fix", session.validator().problems(script));
  }

  private ToolReply testRun(JsonNode input) {
    ScriptState script = session.current();
    if (script.isBlank()) {
      return ToolReply.error("There is no script to run yet: call set_script first.");
    }
    JsonNode given = input.get("args");
    JsonNode args = given != null && given.isObject() ? given : script.args();
    List<String> problems = session.validator().problems(script);
    if (previewer == null || script.knownLanguage().isEmpty()) {
      return staticOnly(problems, previewer == null);
    }
    ScriptPreview request =
        new ScriptPreview(
            script.language(),
            script.content(),
            new PreviewJob(session.caseId(), args, "tool", session.previewTimeoutSeconds()));
    return describe(previewer.preview(request));
  }

  private static ToolReply staticOnly(List<String> problems, boolean previewOff) {
    String reason =
        previewOff
            ? "The script was NOT executed: running scripts on a Windmill backend is off for this"
                + " run, so only a static check was done.\n"
            : "The script was NOT executed: its language is not one Windmill runs.\n";
    String verdict =
        problems.isEmpty()
            ? "Static check passed."
            : "Static check found problems:\n- " + String.join("\n- ", problems);
    return problems.isEmpty() ? ToolReply.ok(reason + verdict) : ToolReply.error(reason + verdict);
  }

  private static ToolReply describe(PreviewOutcome outcome) {
    if (outcome.succeeded()) {
      return ToolReply.ok("The script ran on Windmill and succeeded. Result:\n" + write(outcome));
    }
    if (outcome.infrastructureFailed()) {
      return ToolReply.error(
          "The script could not be run: the Windmill backend is unavailable ("
              + outcome.error()
              + "). This is not a problem with your script.");
    }
    return ToolReply.error("The script ran on Windmill and failed:\n" + outcome.error());
  }

  private static String write(PreviewOutcome outcome) {
    JsonNode result =
        outcome.result() == null ? JsonNodeFactory.instance.nullNode() : outcome.result();
    try {
      return Mappers.json().writerWithDefaultPrettyPrinter().writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
