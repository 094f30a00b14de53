package dev.evals.modes.flow;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One step of a flow. Fields Windmill adds beyond these (retry, cache_ttl, mock, ...) are ignored
 * here and kept in the raw flow.
 *
 * @param id the step id, referenced as {@code results.<id>}
 * @param summary a label for people
 * @param value what the step does
 * @param stopAfterIf ends the flow (or the loop) early when it holds
 * @param stopAfterAllItersIf ends the flow after a loop when it holds
 * @param skipIf skips the step when it holds
 * @param suspend the approval configuration of a step that waits for resume events
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FlowModule(
    String id,
    String summary,
    ModuleValue value,
    @JsonProperty("stop_after_if") StepCondition stopAfterIf,
    @JsonProperty("stop_after_all_iters_if") StepCondition stopAfterAllItersIf,
    @JsonProperty("skip_if") StepCondition skipIf,
    JsonNode suspend) {

  /** The module type, or {@code (missing)} when the step has no value or type. */
  public String type() {
    return value == null || value.type() == null ? "(missing)" : value.type();
  }

  /** The workspace path a script or flow step calls, else null. */
  public String calledPath() {
    if (value instanceof ModuleValue.PathScript script) {
      return script.path();
    }
    if (value instanceof ModuleValue.PathFlow flow) {
      return flow.path();
    }
    return null;
  }

  public boolean isSuspended() {
    return suspend != null && suspend.isObject();
  }

  /** The ids of the steps directly nested in this one, in order. */
  public List<FlowModule> children() {
    if (value == null) {
      return List.of();
    }
    List<FlowModule> children = new ArrayList<>();
    value.childSequences().forEach(children::addAll);
    return children;
  }

  /** The tools of an AI agent step, else empty. */
  public List<FlowModule> tools() {
    return value instanceof ModuleValue.AiAgent agent ? agent.tools() : List.of();
  }

  static List<FlowModule> copy(List<FlowModule> modules) {
    return modules == null ? List.of() : modules.stream().filter(Objects::nonNull).toList();
  }
}
