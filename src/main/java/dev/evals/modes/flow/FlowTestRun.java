package dev.evals.modes.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.evals.agent.ToolReply;
import dev.evals.json.Mappers;
import dev.evals.modes.PreviewOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code test_run_flow}: a real run on Windmill when the run has a previewer, otherwise a static
 * check of the flow and of the arguments against its input schema.
 */
final class FlowTestRun {

  static final int RESULT_LIMIT = 4000;
  static final int LOG_LIMIT = 2000;

  private final FlowSession session;
  private final PreviewSetup setup;

  FlowTestRun(FlowSession session, PreviewSetup setup) {
    this.session = session;
    this.setup = setup;
  }

  String description() {
    return setup.previewer() == null
        ? "Checks the current flow with the given inputs and reports what would fail."
        : "Runs the current flow on Windmill with the given inputs and returns its result, or"
            + " its error and the end of its logs.";
  }

  ToolReply run(JsonNode input) {
    FlowState state = session.current();
    JsonNode args = input.path("args");
    List<String> problems = new ArrayList<>(session.validator().structuralProblems(state));
    problems.addAll(argumentProblems(state, args));
    if (setup.previewer() == null) {
      return staticOnly(problems);
    }
    if (!state.value().path("modules").isArray() || state.value().path("modules").isEmpty()) {
      return ToolReply.error("There is no flow to run yet: call set_flow first.");
    }
    PreviewOutcome outcome = setup.previewer().preview(FlowPreviews.testRun(session, setup, args));
    return describe(outcome);
  }

  private static ToolReply staticOnly(List<String> problems) {
    String verdict =
        problems.isEmpty()
            ? "Static check passed."
            : "Static check found problems:\n- " + String.join("\n- ", problems);
    String text =
        "The flow was NOT executed: running flows on a Windmill backend is off for this run,"
            + " so only a static check was done.\n"
            + verdict;
    return problems.isEmpty() ? ToolReply.ok(text) : ToolReply.error(text);
  }

  private static ToolReply describe(PreviewOutcome outcome) {
    if (outcome.succeeded()) {
      return ToolReply.ok("The flow ran on Windmill and succeeded. Result:\n" + result(outcome));
    }
    if (outcome.infrastructureFailed()) {
      return ToolReply.error(
          "The preview could not run: "
              + outcome.error()
              + ". The Windmill backend is unavailable; this is not a problem with your flow.");
    }
    String logs = logs(outcome);
    return ToolReply.error(
        "The flow ran on Windmill and failed:\n"
            + outcome.error()
            + (logs.isEmpty() ? "" : "\nEnd of the logs:\n" + logs));
  }

  private static String result(PreviewOutcome outcome) {
    JsonNode result =
        outcome.result() == null ? JsonNodeFactory.instance.nullNode() : outcome.result();
    String text;
    try {
      text = Mappers.json().writerWithDefaultPrettyPrinter().writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    if (text.length() <= RESULT_LIMIT) {
      return text;
    }
    return text.substring(0, RESULT_LIMIT)
        + "\n... [result truncated: %d characters in all]".formatted(text.length());
  }

  private static String logs(PreviewOutcome outcome) {
    JsonNode logs = outcome.report() == null ? null : outcome.report().get("logs");
    if (logs == null || !logs.isTextual() || logs.asText().isBlank()) {
      return "";
    }
    String text = logs.asText().strip();
    return text.length() <= LOG_LIMIT
        ? text
        : "[...]\n" + text.substring(text.length() - LOG_LIMIT);
  }

  static List<String> argumentProblems(FlowState state, JsonNode args) {
    if (!StructureValidator.schemaProblems(state.schema()).isEmpty()) {
      return List.of();
    }
    JsonNode given = args.isObject() ? args : JsonNodeFactory.instance.objectNode();
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(state.schema())
        .validate(given)
        .stream()
        .map(ValidationMessage::getMessage)
        .map(message -> "args do not match the input schema: " + message)
        .sorted()
        .toList();
  }
}
