package dev.evals.modes.flow;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.cases.CaseDefinition;
import dev.evals.model.ToolCall;
import dev.evals.modes.ReferenceCalls;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tool calls a careful assistant makes to build the expected flow: inspect the current flow,
 * look up each workspace runnable the solution reuses, set the flow, and test it when the case has
 * preview arguments or expects a test run.
 *
 * <p>It never calls {@code create_schedule} or {@code create_trigger}: their arguments (cron,
 * route, path) are in the prompt's prose, not in the expected flow. A case that requires those
 * tools fails its tool expectation under the reference model, which is recorded as an incomplete
 * reference when nothing else failed.
 */
final class FlowReference {

  private FlowReference() {}

  static List<ToolCall> of(
      CaseDefinition definition, FlowState expected, WorkspaceCatalog workspace) {
    ReferenceCalls solution = new ReferenceCalls();
    solution.add(FlowTools.GET_FLOW, JsonNodeFactory.instance.objectNode());
    for (String path : reusedPaths(expected, workspace)) {
      String name = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.[a-z]+$", "");
      solution.add(
          FlowTools.SEARCH_WORKSPACE, JsonNodeFactory.instance.objectNode().put("query", name));
      solution.add(
          FlowTools.GET_RUNNABLE_DETAILS, JsonNodeFactory.instance.objectNode().put("path", path));
    }
    ObjectNode flow = expected.toJson();
    if (expected.schema() == null) {
      flow.set("schema", FlowState.empty().schema());
    }
    solution.add(FlowTools.SET_FLOW, flow);
    solution.testRun(definition, FlowTools.TEST_RUN_FLOW, JsonNodeFactory.instance.objectNode());
    return solution.calls();
  }

  private static Set<String> reusedPaths(FlowState expected, WorkspaceCatalog workspace) {
    Set<String> paths = new LinkedHashSet<>();
    for (FlowModule module : expected.parse().allModules()) {
      String path =
          module.value() instanceof ModuleValue.PathScript script
              ? script.path()
              : module.value() instanceof ModuleValue.PathFlow flow ? flow.path() : null;
      if (path != null && workspace.entry(path).isPresent()) {
        paths.add(path);
      }
    }
    return paths;
  }
}
