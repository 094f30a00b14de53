package dev.evals.modes.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.agent.Tool;
import dev.evals.modes.ArtifactSink;
import dev.evals.modes.PreviewRequest;
import dev.evals.modes.Session;
import dev.evals.modes.deploy.Deployments;
import dev.evals.validate.Check;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** One attempt's flow draft, the schedules and triggers asked for it, and the tools. */
final class FlowSession implements Session {

  private final String systemPrompt;
  private final FlowState initial;
  private final WorkspaceCatalog workspace;
  private final FlowValidator validator;
  private final PreviewSetup preview;
  private final Deployments deployments;
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
    this.preview = preview;
    this.deployments = Deployments.ofFlow(flowPath);
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
    deployments.writeArtifacts(sink);
  }

  /** The final flow with the case's arguments, created at its path with its deployments. */
  @Override
  public Optional<PreviewRequest> previewRequest() {
    return FlowPreviews.attempt(this, preview);
  }

  /** The current flow's Windmill path: the initial fixture's, or {@code f/evals/<case id>}. */
  String flowPath() {
    return deployments.runnablePath();
  }

  /** The schedules and HTTP triggers asked for the flow. */
  Deployments deployments() {
    return deployments;
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
