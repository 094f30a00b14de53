package dev.evals.modes.flow;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The typed OpenFlow {@code value} of a flow.
 *
 * @param modules the top-level steps, in order
 * @param failureModule the step run when any step fails, or null
 * @param preprocessorModule the step run on the raw trigger input before the flow, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FlowValue(
    List<FlowModule> modules,
    @JsonProperty("failure_module") FlowModule failureModule,
    @JsonProperty("preprocessor_module") FlowModule preprocessorModule) {

  public FlowValue {
    modules = FlowModule.copy(modules);
  }

  /** Every step at every depth, special modules first, parents before their children. */
  public List<FlowModule> allModules() {
    List<FlowModule> all = new ArrayList<>();
    Consumer<FlowModule> collect = module -> visit(module, all);
    if (preprocessorModule != null) {
      collect.accept(preprocessorModule);
    }
    if (failureModule != null) {
      collect.accept(failureModule);
    }
    modules.forEach(collect);
    return all;
  }

  /** Every AI agent tool at any depth, in step order. */
  public List<FlowModule> allTools() {
    return allModules().stream().flatMap(m -> m.tools().stream()).toList();
  }

  /** Every step and every agent tool: what holds code, ids and references. */
  public List<FlowModule> stepsAndTools() {
    List<FlowModule> all = new ArrayList<>(allModules());
    all.addAll(allTools());
    return all;
  }

  /** The first step with this id at any depth, or null. */
  public FlowModule find(String id) {
    return allModules().stream().filter(m -> id.equals(m.id())).findFirst().orElse(null);
  }

  public List<String> topLevelIds() {
    return modules.stream().map(FlowModule::id).filter(id -> id != null).toList();
  }

  /**
   * A special module by its OpenFlow key, {@code failure_module} or {@code preprocessor_module}.
   */
  public FlowModule special(String key) {
    return switch (key) {
      case "failure_module" -> failureModule;
      case "preprocessor_module" -> preprocessorModule;
      default -> throw new IllegalArgumentException("not a special module: " + key);
    };
  }

  private static void visit(FlowModule module, List<FlowModule> into) {
    into.add(module);
    module.children().forEach(child -> visit(child, into));
  }
}
