package dev.evals.modes.flow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Pairs each typed step (and agent tool) of a flow with its raw JSON, to read every field. */
final class RawModules {

  private final Map<FlowModule, JsonNode> raw = new IdentityHashMap<>();

  private RawModules() {}

  static RawModules of(FlowValue flow, JsonNode value) {
    RawModules modules = new RawModules();
    modules.pair(flow.modules(), value.get("modules"));
    modules.pairOne(flow.failureModule(), value.get("failure_module"));
    modules.pairOne(flow.preprocessorModule(), value.get("preprocessor_module"));
    return modules;
  }

  /** The raw JSON of this step, or null when it cannot be told. */
  JsonNode of(FlowModule module) {
    return raw.get(module);
  }

  private void pairOne(FlowModule module, JsonNode node) {
    if (module != null && node != null && node.isObject()) {
      pair(List.of(module), List.of(node));
    }
  }

  private void pair(List<FlowModule> modules, JsonNode array) {
    if (array != null && array.isArray()) {
      List<JsonNode> objects = new ArrayList<>();
      array.forEach(n -> objects.add(n));
      pair(modules, objects.stream().filter(JsonNode::isObject).toList());
    }
  }

  private void pair(List<FlowModule> modules, List<JsonNode> nodes) {
    if (modules.size() != nodes.size()) {
      return;
    }
    for (int i = 0; i < modules.size(); i++) {
      FlowModule module = modules.get(i);
      JsonNode node = nodes.get(i);
      raw.put(module, node);
      JsonNode value = node.path("value");
      pair(module.tools(), value.get("tools"));
      if (module.value() instanceof ModuleValue.BranchOne one) {
        branches(one.branches(), value.get("branches"));
        pair(one.defaultModules(), value.get("default"));
      } else if (module.value() instanceof ModuleValue.BranchAll all) {
        branches(all.branches(), value.get("branches"));
      } else if (module.value() != null && module.value().isLoop()) {
        pair(module.children(), value.get("modules"));
      }
    }
  }

  private void branches(List<Branch> branches, JsonNode array) {
    if (array == null || !array.isArray() || array.size() != branches.size()) {
      return;
    }
    for (int i = 0; i < branches.size(); i++) {
      pair(branches.get(i).modules(), array.get(i).get("modules"));
    }
  }
}
