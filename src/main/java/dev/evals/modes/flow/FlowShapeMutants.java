package dev.evals.modes.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Seeded defects in the shape of a flow: its steps, their types, paths, references and schema. */
final class FlowShapeMutants {

  private static final Map<String, String> OTHER_TYPE =
      Map.of(
          "rawscript", "identity",
          "script", "flow",
          "flow", "script",
          "forloopflow", "whileloopflow",
          "whileloopflow", "forloopflow",
          "branchone", "branchall",
          "branchall", "branchone",
          "identity", "rawscript",
          "aiagent", "rawscript");
  private static final List<String> HIDDEN_FIELDS = List.of("sleep", "retry_if", "suspend", "mock");

  private FlowShapeMutants() {}

  static List<FlowDefect> of(FlowState expected) {
    List<FlowDefect> all = new ArrayList<>();
    all.addAll(
        perSite(
            expected, "missing-step", ExpectedFlowValidator.STEP_IDS, FlowShapeMutants::dropTop));
    all.addAll(
        perSite(
            expected,
            "nested-step-removed",
            ExpectedFlowValidator.NESTED_STEPS,
            FlowShapeMutants::dropNested));
    all.addAll(
        perSite(
            expected, "wrong-step-type", "<step> type matches expected", FlowShapeMutants::retype));
    all.addAll(
        perSite(
            expected,
            "nested-inline-to-path",
            StructureValidator.PATHS_EXIST,
            FlowShapeMutants::nestedToPath));
    all.addAll(
        perSite(
            expected, "invented-path", StructureValidator.PATHS_EXIST, FlowShapeMutants::invent));
    all.addAll(
        perSite(expected, "tool-id", StructureValidator.VALID_IDS, FlowShapeMutants::breakToolId));
    all.addAll(
        perSite(
            expected,
            "tool-late-reference",
            ResultsExpressionValidator.RESULTS,
            FlowShapeMutants::toolReadsLater));
    all.addAll(
        perSite(
            expected,
            "late-reference-hidden-field",
            ResultsExpressionValidator.RESULTS,
            FlowShapeMutants::hiddenLater));
    all.addAll(
        perSite(
            expected, "swapped-steps", ResultsExpressionValidator.RESULTS, FlowShapeMutants::swap));
    all.addAll(FlowInputMutants.of(expected));
    return all;
  }

  private static List<FlowDefect> perSite(
      FlowState expected, String defectClass, String check, FlowDefect.SiteEdit edit) {
    return FlowDefect.perSite(expected, defectClass, check, true, edit);
  }

  private static String dropTop(FlowState copy, FlowSites site, int i) {
    if (!site.isTopLevel()) {
      return null;
    }
    site.container().remove(site.index());
    return "top-level step '" + site.id() + "' removed";
  }

  private static String dropNested(FlowState copy, FlowSites site, int i) {
    if (site.parentId() == null || site.isTool()) {
      return null;
    }
    site.container().remove(site.index());
    return "step '" + site.id() + "' removed from '" + site.parentId() + "'";
  }

  private static String retype(FlowState copy, FlowSites site, int i) {
    String other = OTHER_TYPE.get(site.type());
    if (site.isTool() || other == null || site.module().get("suspend") instanceof ObjectNode) {
      // A suspended step may be any runnable that asks for approval, so its type is free.
      return null;
    }
    String was = site.type();
    site.value().put("type", other);
    return "step '" + site.id() + "': type " + was + " written as " + other;
  }

  private static String nestedToPath(FlowState copy, FlowSites site, int i) {
    if (site.parentId() == null || site.isTool() || !site.type().equals("rawscript")) {
      return null;
    }
    toPath(site);
    return "nested step '" + site.id() + "' calls an invented script instead of its code";
  }

  private static String invent(FlowState copy, FlowSites site, int i) {
    if (site.isTool() || site.parentId() != null) {
      return null;
    }
    if (site.type().equals("rawscript")) {
      toPath(site);
      return "step '" + site.id() + "' calls an invented script instead of its code";
    }
    if (site.type().equals("script") || site.type().equals("flow")) {
      String path = site.value().path("path").asText();
      site.value().put("path", path.replaceFirst("(\\.[a-z]+)?$", "_v2"));
      return "step '" + site.id() + "' calls " + site.type() + " '" + path + "_v2'";
    }
    return null;
  }

  private static void toPath(FlowSites site) {
    ObjectNode value = site.value();
    JsonNode inputs = value.get("input_transforms");
    value.removeAll();
    value.put("type", "script");
    value.put("path", "f/shared/" + site.id());
    value.set("input_transforms", inputs == null ? value.objectNode() : inputs);
  }

  private static String breakToolId(FlowState copy, FlowSites site, int i) {
    if (!site.isTool()) {
      return null;
    }
    String id = site.id();
    ArrayNode tools = site.container();
    int index = site.index();
    if (i % 2 == 1 && tools.size() > 1) {
      String other = tools.get(index == 0 ? 1 : index - 1).path("id").asText();
      site.module().put("id", other);
      return "tool '"
          + id
          + "' of '"
          + site.agentId()
          + "' renamed to the duplicate '"
          + other
          + "'";
    }
    site.module().put("id", id.replace('_', '-') + "-tool");
    return "tool '" + id + "' of '" + site.agentId() + "' given the invalid id '" + site.id() + "'";
  }

  private static String toolReadsLater(FlowState copy, FlowSites site, int i) {
    if (!site.isTool()) {
      return null;
    }
    FlowSites agent = find(copy, site.agentId());
    List<String> later = agent == null ? List.of() : agent.laterSiblingIds();
    if (later.isEmpty()) {
      return null;
    }
    ObjectNode inputs = site.value().with("input_transforms");
    inputs.putObject("context").put("type", "javascript").put("expr", "results." + later.get(0));
    return "tool '" + site.id() + "' reads results." + later.get(0) + ", a later step";
  }

  private static String hiddenLater(FlowState copy, FlowSites site, int i) {
    List<String> later = site.isTool() ? List.of() : site.laterSiblingIds();
    if (later.isEmpty()) {
      return null;
    }
    String expr = "results." + later.get(0) + ".value";
    String field = HIDDEN_FIELDS.get(i % HIDDEN_FIELDS.size());
    ObjectNode module = site.module();
    switch (field) {
      case "sleep" -> module.putObject("sleep").put("type", "javascript").put("expr", expr);
      case "retry_if" -> module.with("retry").putObject("retry_if").put("expr", expr);
      case "suspend" ->
          module
              .with("suspend")
              .put("required_events", 1)
              .putObject("user_groups_required")
              .put("type", "javascript")
              .put("expr", expr);
      default -> module.putObject("mock").put("enabled", false).put("return_value", expr);
    }
    return "step '" + site.id() + "' " + field + " reads " + expr + ", a later step";
  }

  private static String swap(FlowState copy, FlowSites site, int i) {
    if (site.isTool() || site.container() == null) {
      return null;
    }
    ArrayNode container = site.container();
    int from = site.index();
    Pattern reads = Pattern.compile("\\bresults\\s*\\??\\.\\s*" + Pattern.quote(site.id()) + "\\b");
    for (int j = from + 1; j < container.size(); j++) {
      JsonNode later = container.get(j);
      boolean dependent =
          ModuleStrings.of(later).stream().anyMatch(s -> reads.matcher(s.text()).find());
      if (dependent) {
        JsonNode earlier = container.get(from);
        container.set(from, later);
        container.set(j, earlier);
        return "step '"
            + later.path("id").asText()
            + "' moved before '"
            + site.id()
            + "', which it reads";
      }
    }
    return null;
  }

  static FlowSites find(FlowState flow, String id) {
    return FlowSites.of(flow.value()).stream()
        .filter(s -> !s.isTool() && s.id().equals(id))
        .findFirst()
        .orElse(null);
  }

  /** The names {@code flow_input.<name>} reads across the flow, in order of first use. */
  static Set<String> inputNames(FlowState flow) {
    Set<String> names = new LinkedHashSet<>();
    for (FlowSites site : FlowSites.of(flow.value())) {
      ModuleStrings.of(site.module())
          .forEach(s -> names.addAll(ExpressionRefs.flowInputs(s.text())));
    }
    names.remove("iter");
    return names;
  }
}
