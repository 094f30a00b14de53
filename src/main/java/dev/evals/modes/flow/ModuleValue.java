package dev.evals.modes.flow;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/**
 * What a flow step does, chosen by its {@code type}. Types this model does not know (new Windmill
 * additions) parse as {@link Unknown} so a flow is never rejected for using them.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    property = "type",
    visible = true,
    defaultImpl = ModuleValue.Unknown.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = ModuleValue.RawScript.class, name = "rawscript"),
  @JsonSubTypes.Type(value = ModuleValue.PathScript.class, name = "script"),
  @JsonSubTypes.Type(value = ModuleValue.PathFlow.class, name = "flow"),
  @JsonSubTypes.Type(value = ModuleValue.ForLoop.class, name = "forloopflow"),
  @JsonSubTypes.Type(value = ModuleValue.WhileLoop.class, name = "whileloopflow"),
  @JsonSubTypes.Type(value = ModuleValue.BranchOne.class, name = "branchone"),
  @JsonSubTypes.Type(value = ModuleValue.BranchAll.class, name = "branchall"),
  @JsonSubTypes.Type(value = ModuleValue.Identity.class, name = "identity"),
  @JsonSubTypes.Type(value = ModuleValue.AiAgent.class, name = "aiagent")
})
public sealed interface ModuleValue {

  /** The module type as written in OpenFlow. */
  String type();

  /** The step's arguments by parameter name; empty for control-flow modules. */
  default Map<String, InputTransform> inputTransforms() {
    return Map.of();
  }

  /** The nested step sequences, each one a separate scope (a loop body, a branch). */
  default List<List<FlowModule>> childSequences() {
    return List.of();
  }

  /** Whether the children run once per iteration and may read {@code flow_input.iter}. */
  default boolean isLoop() {
    return false;
  }

  /** Inline code run by the step. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record RawScript(
      String content,
      String language,
      String path,
      @JsonProperty("input_transforms") Map<String, InputTransform> inputTransforms)
      implements ModuleValue {
    public RawScript {
      inputTransforms = inputTransforms == null ? Map.of() : Map.copyOf(inputTransforms);
    }

    @Override
    public String type() {
      return "rawscript";
    }
  }

  /** A workspace or hub script called by path. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record PathScript(
      String path,
      String hash,
      @JsonProperty("input_transforms") Map<String, InputTransform> inputTransforms)
      implements ModuleValue {
    public PathScript {
      inputTransforms = inputTransforms == null ? Map.of() : Map.copyOf(inputTransforms);
    }

    @Override
    public String type() {
      return "script";
    }
  }

  /** A workspace flow called as a subflow. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record PathFlow(
      String path, @JsonProperty("input_transforms") Map<String, InputTransform> inputTransforms)
      implements ModuleValue {
    public PathFlow {
      inputTransforms = inputTransforms == null ? Map.of() : Map.copyOf(inputTransforms);
    }

    @Override
    public String type() {
      return "flow";
    }
  }

  /** Runs its modules once per element of the iterator's result. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ForLoop(
      List<FlowModule> modules,
      InputTransform iterator,
      @JsonProperty("skip_failures") Boolean skipFailures,
      Boolean parallel)
      implements ModuleValue {
    public ForLoop {
      modules = FlowModule.copy(modules);
    }

    @Override
    public String type() {
      return "forloopflow";
    }

    @Override
    public List<List<FlowModule>> childSequences() {
      return List.of(modules);
    }

    @Override
    public boolean isLoop() {
      return true;
    }
  }

  /** Runs its modules until a {@code stop_after_if} holds. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record WhileLoop(List<FlowModule> modules, @JsonProperty("skip_failures") Boolean skipFailures)
      implements ModuleValue {
    public WhileLoop {
      modules = FlowModule.copy(modules);
    }

    @Override
    public String type() {
      return "whileloopflow";
    }

    @Override
    public List<List<FlowModule>> childSequences() {
      return List.of(modules);
    }

    @Override
    public boolean isLoop() {
      return true;
    }
  }

  /** Runs the first branch whose expression holds, else the default modules. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record BranchOne(List<Branch> branches, @JsonProperty("default") List<FlowModule> defaultModules)
      implements ModuleValue {
    public BranchOne {
      branches = branches == null ? List.of() : List.copyOf(branches);
      defaultModules = FlowModule.copy(defaultModules);
    }

    @Override
    public String type() {
      return "branchone";
    }

    @Override
    public List<List<FlowModule>> childSequences() {
      List<List<FlowModule>> sequences = new java.util.ArrayList<>();
      branches.forEach(branch -> sequences.add(branch.modules()));
      sequences.add(defaultModules);
      return sequences;
    }
  }

  /** Runs every branch, possibly in parallel. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record BranchAll(List<Branch> branches, Boolean parallel) implements ModuleValue {
    public BranchAll {
      branches = branches == null ? List.of() : List.copyOf(branches);
    }

    @Override
    public String type() {
      return "branchall";
    }

    @Override
    public List<List<FlowModule>> childSequences() {
      return branches.stream().map(Branch::modules).toList();
    }
  }

  /** Passes its input through. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Identity() implements ModuleValue {
    @Override
    public String type() {
      return "identity";
    }
  }

  /**
   * An AI agent step: its arguments, and the tools the agent may call, each a step of its own
   * ({@code {id, summary, value: {tool_type, type, ...}}}) that runs only when the agent asks.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record AiAgent(
      @JsonProperty("input_transforms") Map<String, InputTransform> inputTransforms,
      List<FlowModule> tools)
      implements ModuleValue {
    public AiAgent {
      inputTransforms = inputTransforms == null ? Map.of() : Map.copyOf(inputTransforms);
      tools = FlowModule.copy(tools);
    }

    @Override
    public String type() {
      return "aiagent";
    }
  }

  /** A module type this model does not know, or none at all. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Unknown(String type) implements ModuleValue {}
}
