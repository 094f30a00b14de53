package dev.evals.modes.flow;

import dev.evals.validate.Check;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares the steps nested in the expected flow's loops and branches, and its agents' tools, with
 * the flow's: each must be there, inside the same step, of the same type and calling the same path.
 */
final class NestedSteps {

  static final String AGENT_TOOLS = "agent steps keep expected tools";

  private NestedSteps() {}

  static void compare(FlowValue flow, FlowValue expected, List<Check> checks) {
    Map<String, String> wantedParents = parents(expected);
    Map<String, String> actualParents = parents(flow);
    List<String> problems = new ArrayList<>();
    List<FlowModule> nested =
        expected.allModules().stream()
            .filter(m -> m.id() != null && wantedParents.get(m.id()) != null)
            .toList();
    for (FlowModule wanted : nested) {
      String parent = wantedParents.get(wanted.id());
      if (!actualParents.containsKey(wanted.id())) {
        problems.add("no step '" + wanted.id() + "' (expected inside '" + parent + "')");
      } else if (!Objects.equals(actualParents.get(wanted.id()), parent)) {
        String actual = actualParents.get(wanted.id());
        problems.add(
            "step '"
                + wanted.id()
                + "' is "
                + (actual == null ? "at the top level" : "inside '" + actual + "'")
                + ", expected inside '"
                + parent
                + "'");
      }
    }
    if (!nested.isEmpty()) {
      checks.add(
          Check.of(
              ExpectedFlowValidator.NESTED_STEPS, problems.isEmpty(), String.join("; ", problems)));
    }
    nested.forEach(
        wanted -> ExpectedFlowValidator.compareStep(wanted, flow.find(wanted.id()), checks));
    tools(flow, expected, checks);
  }

  private static void tools(FlowValue flow, FlowValue expected, List<Check> checks) {
    List<String> missing = new ArrayList<>();
    boolean any = false;
    for (FlowModule agent : expected.allModules()) {
      if (agent.tools().isEmpty()) {
        continue;
      }
      any = true;
      FlowModule actual = flow.find(agent.id());
      List<String> have =
          actual == null ? List.of() : actual.tools().stream().map(FlowModule::id).toList();
      agent.tools().stream()
          .map(FlowModule::id)
          .filter(id -> !have.contains(id))
          .forEach(id -> missing.add("step '" + agent.id() + "' has no tool '" + id + "'"));
    }
    if (any) {
      checks.add(Check.of(AGENT_TOOLS, missing.isEmpty(), String.join("; ", missing)));
    }
  }

  /** Each step id with the id of the loop or branch step directly holding it (null at the top). */
  private static Map<String, String> parents(FlowValue flow) {
    Map<String, String> parents = new HashMap<>();
    List<FlowModule> roots = new ArrayList<>(flow.modules());
    if (flow.failureModule() != null) {
      roots.add(flow.failureModule());
    }
    if (flow.preprocessorModule() != null) {
      roots.add(flow.preprocessorModule());
    }
    roots.forEach(root -> visit(root, null, parents));
    return parents;
  }

  private static void visit(FlowModule module, String parent, Map<String, String> parents) {
    if (module.id() != null) {
      parents.putIfAbsent(module.id(), parent);
    }
    module.children().forEach(child -> visit(child, module.id(), parents));
  }
}
