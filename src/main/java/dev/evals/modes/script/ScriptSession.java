package dev.evals.modes.script;

import dev.evals.agent.Tool;
import dev.evals.cases.CaseRuntime;
import dev.evals.modes.ArtifactSink;
import dev.evals.modes.DraftSession;
import dev.evals.modes.PreviewJob;
import dev.evals.modes.PreviewRequest;
import dev.evals.modes.Previewer;
import dev.evals.modes.ScriptPreview;
import dev.evals.modes.StateFile;
import dev.evals.modes.deploy.Deployments;
import dev.evals.modes.deploy.WindmillPath;
import dev.evals.validate.Check;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One attempt's script draft, the schedules and triggers asked for it, and the tools. */
final class ScriptSession extends DraftSession<ScriptState> {

  private final String caseId;
  private final ScriptValidator validator;
  private final CaseRuntime.BackendPreview backendPreview;
  private final Previewer previewer;
  private final Deployments deployments;

  ScriptSession(
      String caseId,
      String systemPrompt,
      ScriptState initial,
      ScriptValidator validator,
      CaseRuntime.BackendPreview backendPreview,
      Previewer previewer) {
    super(
        systemPrompt,
        initial == null ? ScriptState.empty() : initial,
        new StateFile<>("script.json", ScriptState::fromFixture));
    this.caseId = caseId;
    this.validator = validator;
    this.backendPreview = backendPreview;
    this.previewer = previewer;
    this.deployments = Deployments.ofScript(scriptPath(caseId, initial));
  }

  @Override
  protected List<Tool> createTools() {
    List<Tool> all = new ArrayList<>(new ScriptTools(this, previewer).all());
    all.addAll(deployments.tools());
    return all;
  }

  @Override
  public List<Check> validate() {
    return validator.validate(current());
  }

  @Override
  protected void writeMoreArtifacts(ArtifactSink sink) throws IOException {
    ScriptState current = current();
    String extension = current.knownLanguage().map(ScriptLanguage::extension).orElse("txt");
    sink.write("script." + extension, current.content());
    deployments.writeArtifacts(sink);
  }

  /** A preview of the final script with the case's arguments, or else the script's own. */
  @Override
  public Optional<PreviewRequest> previewRequest() {
    ScriptState current = current();
    if (current.isBlank() || current.knownLanguage().isEmpty()) {
      return Optional.empty();
    }
    boolean fromCase = backendPreview != null;
    ScriptPreview request =
        new ScriptPreview(
            current.language(),
            current.content(),
            new PreviewJob(
                caseId,
                fromCase ? backendPreview.args() : current.args(),
                fromCase ? "case" : "artifact",
                previewTimeoutSeconds()));
    return Optional.of(fromCase ? request.withExpect(backendPreview.expect()) : request);
  }

  /** The schedules and HTTP triggers asked for the script. */
  Deployments deployments() {
    return deployments;
  }

  /**
   * The script's Windmill path: the fixture's without its file extension ({@code
   * f/evals/greet_user.ts} runs as {@code f/evals/greet_user}), or {@code f/evals/<case id>}.
   */
  private static String scriptPath(String caseId, ScriptState initial) {
    if (initial == null || initial.path() == null || initial.path().isBlank()) {
      return WindmillPath.forCase(caseId);
    }
    return initial.path().replaceFirst("\\.[^./]+$", "");
  }

  String caseId() {
    return caseId;
  }

  Integer previewTimeoutSeconds() {
    return backendPreview == null ? null : backendPreview.timeoutSeconds();
  }

  ScriptValidator validator() {
    return validator;
  }
}
