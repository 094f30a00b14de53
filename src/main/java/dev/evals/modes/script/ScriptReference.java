package dev.evals.modes.script;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.cases.CaseDefinition;
import dev.evals.model.ToolCall;
import dev.evals.modes.ReferenceCalls;
import java.util.List;

/**
 * The tool calls a careful assistant makes to write the expected script: read the current script,
 * set the new one, and test it when the case has preview arguments or expects a test run. Like the
 * flow reference it never creates schedules or triggers, whose arguments are only in the prompt.
 */
final class ScriptReference {

  private ScriptReference() {}

  static List<ToolCall> of(CaseDefinition definition, ScriptState expected) {
    ReferenceCalls solution = new ReferenceCalls();
    solution.add(ScriptTools.GET_SCRIPT, JsonNodeFactory.instance.objectNode());
    ObjectNode script = JsonNodeFactory.instance.objectNode();
    script.put("language", expected.language());
    script.put("content", expected.content());
    script.set("args", expected.args());
    solution.add(ScriptTools.SET_SCRIPT, script);
    solution.testRun(definition, ScriptTools.TEST_RUN_SCRIPT, expected.args());
    return solution.calls();
  }
}
