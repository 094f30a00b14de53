package dev.evals.modes.flow;

import dev.evals.agent.Tool;
import dev.evals.modes.ArtifactSink;
import dev.evals.modes.DraftSession;
import dev.evals.modes.PreviewRequest;
import dev.evals.modes.StateFile;
import dev.evals.modes.deploy.Deployments;
import dev.evals.validate.Check;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** One attempt's flow draft, the schedules and triggers asked for it, and the tools. */
final class FlowSession extends DraftSession<FlowState> {

  private final WorkspaceCatalog workspace;
  private final FlowValidator validator;
  private final PreviewSetup preview;
  private final Deployments deployments;

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
    super(
        systemPrompt,
        initial == null ? FlowState.empty() : initial,
        new StateFile<>("flow.json", FlowState::fromJson));
    this.preview = preview;
    this.deployments = Deployments.ofFlow(flowPath);
    this.workspace = workspace;
    this.validator = validator;
  }

  @Override
  protected List<Tool> createTools() {
    return new FlowTools(this, preview).all();
  }

  @Override
  public List<Check> validate() {
    return validator.validate(current());
  }

  @Override
  protected void writeMoreArtifacts(ArtifactSink sink) throws IOException {
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

  WorkspaceCatalog workspace() {
    return workspace;
  }

  FlowValidator validator() {
    return validator;
  }
}
