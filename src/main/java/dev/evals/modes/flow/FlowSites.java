package dev.evals.modes.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Every step of a raw flow value in a fixed order, with where it sits, so a seeded defect can be
 * applied to the same step of a fresh copy.
 *
 * @param module the raw step
 * @param container the array holding it, or null for a special module
 * @param parentId the id of the loop or branch step holding it, or null at the top level
 * @param agentId the id of the AI agent step whose tool this is, or null for a step
 */
record FlowSites(ObjectNode module, ArrayNode container, String parentId, String agentId) {

  static List<FlowSites> of(JsonNode flowValue) {
    List<FlowSites> sites = new ArrayList<>();
    for (String special : List.of("preprocessor_module", "failure_module")) {
      if (flowValue.get(special) instanceof ObjectNode module) {
        visit(module, null, null, sites);
      }
    }
    walk(flowValue.get("modules"), null, sites);
    return sites;
  }

  String id() {
    return module.path("id").asText();
  }

  String type() {
    return module.path("value").path("type").asText();
  }

  ObjectNode value() {
    return module.get("value") instanceof ObjectNode value ? value : module.putObject("value");
  }

  boolean isTool() {
    return agentId != null;
  }

  boolean isTopLevel() {
    return parentId == null && agentId == null && container != null;
  }

  /** The steps after this one in its sequence. */
  List<String> laterSiblingIds() {
    List<String> later = new ArrayList<>();
    boolean after = false;
    for (JsonNode sibling : container == null ? List.<JsonNode>of() : container) {
      if (after) {
        later.add(sibling.path("id").asText());
      }
      after |= sibling == module;
    }
    return later;
  }

  int index() {
    for (int i = 0; container != null && i < container.size(); i++) {
      if (container.get(i) == module) {
        return i;
      }
    }
    return -1;
  }

  private static void walk(JsonNode modules, String parentId, List<FlowSites> sites) {
    if (!(modules instanceof ArrayNode array)) {
      return;
    }
    for (JsonNode module : array) {
      if (module instanceof ObjectNode object) {
        visit(object, array, parentId, sites);
      }
    }
  }

  private static void visit(
      ObjectNode module, ArrayNode container, String parentId, List<FlowSites> sites) {
    sites.add(new FlowSites(module, container, parentId, null));
    String id = module.path("id").asText();
    JsonNode value = module.path("value");
    walk(value.get("modules"), id, sites);
    for (JsonNode branch : value.path("branches")) {
      walk(branch.get("modules"), id, sites);
    }
    walk(value.get("default"), id, sites);
    if (value.get("tools") instanceof ArrayNode tools) {
      for (JsonNode tool : tools) {
        if (tool instanceof ObjectNode object) {
          sites.add(new FlowSites(object, tools, null, id));
        }
      }
    }
  }
}
