package dev.evals.modes.script;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.agent.Tool;
import dev.evals.cases.CaseRuntime;
import dev.evals.modes.ArtifactSink;
import dev.evals.modes.BackendPreviewer;
import dev.evals.modes.PreviewRequest;
import dev.evals.modes.Session;
import dev.evals.modes.deploy.Deployments;
import dev.evals.modes.deploy.WindmillPath;
import dev.evals.validate.Check;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One attempt's script draft, the schedules and triggers asked for it, and the tools. */
final class ScriptSession implements Session {

  private final String caseId;
  private final String systemPrompt;
  private final ScriptState initial;
  private final ScriptValidator validator;
  private final CaseRuntime.BackendPreview backendPreview;
  private final Deployments deployments;
  private final List<Tool> tools;
  private ScriptState current;
  private boolean replaced;

  ScriptSession(
      String caseId,
      String systemPrompt,
      ScriptState initial,
      ScriptValidator validator,
      CaseRuntime.BackendPreview backendPreview,
      BackendPreviewer previewer) {
    this.caseId = caseId;
    this.systemPrompt = systemPrompt;
    this.initial = initial;
    this.validator = validator;
    this.backendPreview = backendPreview;
    this.current = initial == null ? ScriptState.empty() : initial;
    this.deployments = Deployments.ofScript(scriptPath(caseId, initial));
    List<Tool> all = new ArrayList<>(new ScriptTools(this, previewer).all());
    all.addAll(deployments.tools());
    this.tools = List.copyOf(all);
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
    return (replaced || initial != null) && !current.isBlank();
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
    sink.write("script.json", current.toPrettyJson() + "\n");
    String extension = current.knownLanguage().map(ScriptLanguage::extension).orElse("txt");
    sink.write("script." + extension, current.content());
    deployments.writeArtifacts(sink);
  }

  /** A preview of the final script with the case's arguments, or else the script's own. */
  @Override
  public Optional<PreviewRequest> previewRequest() {
    if (current.isBlank() || current.knownLanguage().isEmpty()) {
      return Optional.empty();
    }
    boolean fromCase = backendPreview != null;
    PreviewRequest request =
        new PreviewRequest(
            caseId,
            PreviewRequest.Kind.SCRIPT,
            current.language(),
            current.content(),
            null,
            fromCase ? backendPreview.args() : current.args(),
            fromCase ? "case" : "artifact",
            List.of(),
            List.of(),
            previewTimeoutSeconds());
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

  ScriptState current() {
    return current;
  }

  void replace(ScriptState script) {
    current = script;
    replaced = true;
  }

  ScriptValidator validator() {
    return validator;
  }
}
