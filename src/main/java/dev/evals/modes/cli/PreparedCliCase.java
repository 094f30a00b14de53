package dev.evals.modes.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.cases.CaseDefinition;
import dev.evals.model.ToolCall;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.Session;
import dev.evals.modes.SessionContext;
import dev.evals.validate.Check;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * A cli case with its fixture folders read and its expectations parsed.
 *
 * @param expected the expected files, or null when the case has no expected folder
 * @param expectedAnswer the expected final answer, or null when the case has no expected answer
 */
record PreparedCliCase(
    CaseDefinition definition,
    FileTree initial,
    FileTree expected,
    String expectedAnswer,
    CliExpect expect,
    List<PathMatcher> allowedExtraFiles,
    CliSettings settings)
    implements PreparedCase {

  PreparedCliCase {
    allowedExtraFiles = List.copyOf(allowedExtraFiles);
  }

  @Override
  public Session openSession(SessionContext context) {
    return new CliSession(this, context.systemPromptOverride());
  }

  /** The workspace, trace and answer of the attempt, when its agent ran. */
  @Override
  public Session restore(Path attemptFolder, SessionContext context) throws IOException {
    return new CliSession(this, context.systemPromptOverride()).restore(attemptFolder);
  }

  /** The reference needs no tool calls: it writes the expected files itself. */
  @Override
  public List<ToolCall> referenceSolution() {
    return List.of();
  }

  /**
   * The reference copies the expected files or gives the expected answer; a case with neither has
   * no reference, as in every mode, even when it asks for an unchanged workspace.
   */
  @Override
  public boolean hasReference() {
    return expected != null || expectedAnswer != null;
  }

  /**
   * Complete when the case has an expected answer, or when the expected files, written over the
   * initial ones, make a workspace that keeps Windmill's file conventions. Windmill's expected
   * files are often snippets to look for (a {@code flow.yaml} holding {@code type: script}), which
   * the reference can copy but which are no flow.
   */
  @Override
  public boolean referenceIsComplete() {
    if (expected == null) {
      return expectedAnswer != null;
    }
    FileTree written = initial.plus(expected);
    return !expected.files().isEmpty()
        && ConventionChecks.of(AgentFolderDiff.between(initial, written), written).stream()
            .allMatch(Check::passed);
  }

  @Override
  public JsonNode initialState() {
    return initial.files().isEmpty() ? null : texts(initial);
  }

  @Override
  public JsonNode expectedState() {
    if (expected == null) {
      return expectedAnswer == null
          ? null
          : JsonNodeFactory.instance.objectNode().put("finalAnswer", expectedAnswer);
    }
    return texts(expected);
  }

  static ObjectNode texts(FileTree tree) {
    ObjectNode files = JsonNodeFactory.instance.objectNode();
    tree.files().forEach((path, entry) -> files.put(path, entry.text()));
    return files;
  }
}
