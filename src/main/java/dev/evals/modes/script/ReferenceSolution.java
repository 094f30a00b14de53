package dev.evals.modes.script;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.cases.CaseDefinition;
import dev.evals.cases.ToolExpect;
import dev.evals.json.Mappers;
import dev.evals.model.ToolCall;
import java.util.ArrayList;
import java.util.List;

/**
 * The tool calls a careful assistant makes to write the expected script: read the current script,
 * set the new one, and test it when the case has preview arguments or expects a test run. Like the
 * flow reference it never creates schedules or triggers, whose arguments are only in the prompt.
 */
final class ReferenceSolution {

  private final List<ToolCall> calls = new ArrayList<>();

  private ReferenceSolution() {}

  static List<ToolCall> of(CaseDefinition definition, ScriptState expected) {
    ReferenceSolution solution = new ReferenceSolution();
    solution.add(ScriptTools.GET_SCRIPT, JsonNodeFactory.instance.objectNode());
    ObjectNode script = JsonNodeFactory.instance.objectNode();
    script.put("language", expected.language());
    script.put("content", expected.content());
    script.set("args", expected.args());
    solution.add(ScriptTools.SET_SCRIPT, script);
    if (wantsTestRun(definition)) {
      ObjectNode run = JsonNodeFactory.instance.objectNode();
      run.set(
          "args",
          definition.runtime().backendPreview() == null
              ? expected.args()
              : definition.runtime().backendPreview().args());
      solution.add(ScriptTools.TEST_RUN_SCRIPT, run);
    }
    return List.copyOf(solution.calls);
  }

  private static boolean wantsTestRun(CaseDefinition definition) {
    ToolExpect expect = definition.toolExpect();
    boolean expected =
        expect.requiredToolsUsed().contains(ScriptTools.TEST_RUN_SCRIPT)
            || expect.requiredToolsAnyOf().stream()
                .anyMatch(group -> group.contains(ScriptTools.TEST_RUN_SCRIPT));
    boolean forbidden = expect.forbiddenToolsUsed().contains(ScriptTools.TEST_RUN_SCRIPT);
    return !forbidden && (expected || definition.runtime().backendPreview() != null);
  }

  private void add(String tool, ObjectNode arguments) {
    try {
      calls.add(
          new ToolCall(
              "ref-" + (calls.size() + 1), tool, Mappers.json().writeValueAsString(arguments)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write reference arguments", e);
    }
  }
}
