package dev.evals.modes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.cases.CaseDefinition;
import dev.evals.cases.CaseRuntime.BackendPreview;
import dev.evals.cases.ToolExpect;
import dev.evals.json.Mappers;
import dev.evals.model.ToolCall;
import java.util.ArrayList;
import java.util.List;

/** The tool calls of a reference solution, numbered {@code ref-1}, {@code ref-2}, ... */
public final class ReferenceCalls {

  private final List<ToolCall> calls = new ArrayList<>();

  /** Adds a call of this tool with these arguments. */
  public ReferenceCalls add(String tool, ObjectNode arguments) {
    try {
      calls.add(
          new ToolCall(
              "ref-" + (calls.size() + 1), tool, Mappers.json().writeValueAsString(arguments)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write reference arguments", e);
    }
    return this;
  }

  public List<ToolCall> calls() {
    return List.copyOf(calls);
  }

  /**
   * Ends the reference with a test run through {@code testTool} when {@link #wantsTestRun} says so:
   * with the case's backend-preview arguments, else {@code defaultArgs}.
   */
  public ReferenceCalls testRun(CaseDefinition definition, String testTool, JsonNode defaultArgs) {
    if (wantsTestRun(definition, testTool)) {
      BackendPreview preview = definition.runtime().backendPreview();
      ObjectNode arguments = JsonNodeFactory.instance.objectNode();
      arguments.set("args", preview == null ? defaultArgs : preview.args());
      add(testTool, arguments);
    }
    return this;
  }

  /**
   * Whether the reference ends with a test run through {@code testTool}: when the case expects it
   * or defines a backend preview, unless it forbids the tool.
   */
  static boolean wantsTestRun(CaseDefinition definition, String testTool) {
    ToolExpect expect = definition.toolExpect();
    boolean expected =
        expect.requiredToolsUsed().contains(testTool)
            || expect.requiredToolsAnyOf().stream().anyMatch(group -> group.contains(testTool));
    boolean forbidden = expect.forbiddenToolsUsed().contains(testTool);
    return !forbidden && (expected || definition.runtime().backendPreview() != null);
  }
}
