package dev.evals.modes.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import java.util.ArrayList;
import java.util.List;

/** Reads a raw OpenFlow value into the typed model, naming where it is malformed. */
final class OpenFlowReader {

  private OpenFlowReader() {}

  static FlowValue read(JsonNode value) {
    if (value == null || !value.isObject()) {
      throw new InvalidFlowException("the flow value must be an object with a 'modules' array");
    }
    JsonNode modules = value.get("modules");
    if (modules == null || !modules.isArray()) {
      throw new InvalidFlowException("the flow value needs a 'modules' array");
    }
    FlowValue flow;
    try {
      flow = Mappers.json().treeToValue(value, FlowValue.class);
    } catch (JsonMappingException e) {
      throw new InvalidFlowException(
          "not valid OpenFlow at " + location(e) + ": " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new InvalidFlowException("not valid OpenFlow: " + e.getOriginalMessage());
    }
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < modules.size(); i++) {
      if (!modules.get(i).isObject()) {
        problems.add("modules[" + i + "] is not an object");
      }
    }
    flow.allModules().forEach(module -> describeGaps(module, problems));
    if (!problems.isEmpty()) {
      throw new InvalidFlowException(String.join("; ", problems));
    }
    return flow;
  }

  private static void describeGaps(FlowModule module, List<String> problems) {
    String name = module.id() == null ? "a step" : "step '" + module.id() + "'";
    if (module.id() == null || module.id().isBlank()) {
      problems.add("a step has no 'id'");
    }
    if (module.value() == null) {
      problems.add(name + " has no 'value'");
    } else if (module.value() instanceof ModuleValue.Unknown unknown && unknown.type() == null) {
      problems.add(
          name
              + " has no 'value.type'; use rawscript, script, flow, forloopflow, whileloopflow,"
              + " branchone, branchall, identity or aiagent");
    }
    // A named type this reader does not know is accepted: a newer Windmill may have added it.
    // The structure checks report it as a warning.
  }

  private static String location(JsonMappingException e) {
    StringBuilder path = new StringBuilder("value");
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append('.').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
