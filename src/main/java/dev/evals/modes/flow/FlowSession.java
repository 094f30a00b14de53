package dev.evals.modes.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.evals.agent.Tool;
import dev.evals.json.Mappers;
import dev.evals.modes.ArtifactSink;
import dev.evals.modes.PreviewRequest;
import dev.evals.modes.Session;
import dev.evals.validate.Check;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** One attempt's flow draft, the schedules and triggers asked for it, and the tools. */
final class FlowSession implements Session, FlowDeployments {

  private final String systemPrompt;
  private final FlowState initial;
  private final WorkspaceCatalog workspace;
  private final FlowValidator validator;
  private final String flowPath;
  private final PreviewSetup preview;
  private final Map<String, FlowSchedule> schedules = new LinkedHashMap<>();
  private final Map<String, FlowTrigger> triggers = new LinkedHashMap<>();
  private final List<Tool> tools;
  private FlowState current;
  private boolean replaced;

  FlowSession(
      String systemPrompt,
      FlowState initial,
      WorkspaceCatalog workspace,
      FlowValidator validator,
      String flowPath) {
    this(systemPrompt, initial, workspace, validator, flowPath, PreviewSetup.NONE);
  }

  FlowSession(
      String systemPrompt,
      FlowState initial,
      WorkspaceCatalog workspace,
      FlowValidator validator,
      String flowPath,
      PreviewSetup preview) {
    this.systemPrompt = systemPrompt;
    this.flowPath = flowPath;
    this.preview = preview;
    this.initial = initial;
    this.workspace = workspace;
    this.validator = validator;
    this.current = initial == null ? FlowState.empty() : initial;
    this.tools = new FlowTools(this, preview).all();
  }

  @Override
  public String systemPrompt() {
    return systemPrompt;
  }

  @Override
  public List<Tool> tools() {
    return tools;
  }

  @Override
  public boolean hasArtifact() {
    return replaced || (initial != null && !initial.toJson().equals(current.toJson()));
  }

  @Override
  public List<Check> validate() {
    return validator.validate(current);
  }

  @Override
  public JsonNode artifact() {
    return current.toJson();
  }

  @Override
  public void writeArtifacts(ArtifactSink sink) throws IOException {
    sink.write("flow.json", current.toPrettyJson() + "\n");
    if (!schedules.isEmpty()) {
      sink.write("schedules.json", list(schedules(), FlowSchedule::toJson));
    }
    if (!triggers.isEmpty()) {
      sink.write("triggers.json", list(triggers(), FlowTrigger::toJson));
    }
  }

  /** The final flow with the case's arguments, created at its path with its deployments. */
  @Override
  public Optional<PreviewRequest> previewRequest() {
    return FlowPreviews.attempt(this, preview);
  }

  @Override
  public String flowPath() {
    return flowPath;
  }

  @Override
  public List<FlowSchedule> schedules() {
    return List.copyOf(schedules.values());
  }

  @Override
  public List<FlowTrigger> triggers() {
    return List.copyOf(triggers.values());
  }

  /** Records a schedule; a later one at the same path replaces it, as a retry would. */
  void addSchedule(FlowSchedule schedule) {
    schedules.remove(schedule.path());
    schedules.put(schedule.path(), schedule);
  }

  /** Records a trigger; a later one at the same path replaces it, as a retry would. */
  void addTrigger(FlowTrigger trigger) {
    triggers.remove(trigger.path());
    triggers.put(trigger.path(), trigger);
  }

  private static <T> String list(List<T> items, Function<T, JsonNode> toJson) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    items.stream().map(toJson).forEach(array::add);
    try {
      return Mappers.json().writeValueAsString(array) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  FlowState current() {
    return current;
  }

  void replace(FlowState flow) {
    current = flow;
    replaced = true;
  }

  WorkspaceCatalog workspace() {
    return workspace;
  }

  FlowValidator validator() {
    return validator;
  }
}
