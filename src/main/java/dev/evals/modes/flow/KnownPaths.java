package dev.evals.modes.flow;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The workspace paths a flow of this case may call. A {@code script} or {@code flow} step must name
 * a path the case itself declares: a runnable of its workspace catalog (of the same kind), a path
 * its initial or expected flow calls, a path its prompt spells out, or a Windmill Hub script
 * ({@code hub/...}). Any other path was invented: nothing the model could see says it exists.
 *
 * @param workspace the case's workspace catalog
 * @param declared paths the initial and expected flows call
 * @param prompt the case's prompt, searched for a path spelled out
 */
record KnownPaths(WorkspaceCatalog workspace, Set<String> declared, String prompt) {

  KnownPaths {
    declared = Set.copyOf(declared);
    prompt = prompt == null ? "" : prompt;
  }

  static KnownPaths of(
      WorkspaceCatalog workspace, FlowState initial, FlowState expected, String prompt) {
    Set<String> declared = new HashSet<>();
    for (FlowState flow : new FlowState[] {initial, expected}) {
      if (flow != null) {
        flow.parse().stepsAndTools().stream()
            .map(FlowModule::calledPath)
            .filter(p -> p != null)
            .forEach(declared::add);
      }
    }
    return new KnownPaths(workspace, declared, prompt);
  }

  /** Why this step's path is not one the case declares, or null when it is (or it has none). */
  String problem(FlowModule module) {
    String path = module.calledPath();
    if (path == null || path.startsWith("hub/") || declared.contains(path)) {
      return null;
    }
    boolean inCatalog =
        module.value() instanceof ModuleValue.PathFlow
            ? workspace.flow(path).isPresent()
            : workspace.script(path).isPresent();
    if (inCatalog || prompt.contains(path)) {
      return null;
    }
    return "step '"
        + module.id()
        + "' calls "
        + module.type()
        + " '"
        + path
        + "', which is "
        + (workspace.isEmpty()
            ? "not declared anywhere in the case (no workspace catalog, initial or expected flow,"
                + " or prompt names it)"
            : "not in the workspace");
  }

  List<String> problems(List<FlowModule> modules) {
    return modules.stream().map(this::problem).filter(p -> p != null).toList();
  }
}
