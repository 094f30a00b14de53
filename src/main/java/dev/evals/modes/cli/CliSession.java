package dev.evals.modes.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.agent.AgentListener;
import dev.evals.agent.AgentResult;
import dev.evals.agent.Tool;
import dev.evals.agent.ToolInvocation;
import dev.evals.json.Mappers;
import dev.evals.model.ChatMessage;
import dev.evals.model.ModelSpec;
import dev.evals.model.ToolCall;
import dev.evals.modes.ArtifactSink;
import dev.evals.modes.Session;
import dev.evals.validate.Check;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One cli attempt: a fresh workspace, the agent run in it, then the checks on what it left. */
final class CliSession implements Session {

  static final String AGENT_FINISHED = "agent finished";
  static final String REQUESTED_MODEL = "agent used the requested model";

  private final PreparedCliCase prepared;
  private final FileTree guidance;
  private final String agentsMd;
  private CliAttempt attempt;

  CliSession(PreparedCliCase prepared, String agentsMdOverride) {
    this.prepared = prepared;
    this.guidance = prepared.settings().guidance().installed(agentsMdOverride);
    this.agentsMd = guidance.files().get(Guidance.AGENTS_FILE).text();
  }

  @Override
  public String systemPrompt() {
    return agentsMd;
  }

  /** The agent brings its own tools. */
  @Override
  public List<Tool> tools() {
    return List.of();
  }

  /** Runs the agent in a fresh folder; see {@link dev.evals.modes.Driver.AgentRunner}. */
  AgentResult runAgent(ModelSpec model, AgentListener listener) {
    String prompt = AgentPrompt.of(prepared.definition().prompt());
    try (AgentFolder folder = AgentFolder.create(prepared.settings().temporaryRoot())) {
      attempt = new AgentRun(prepared, guidance, folder).run(model, prompt);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    attempt.transcript().toolUses().forEach(use -> listener.toolCall(use.name(), preview(use)));
    listener.assistantText(attempt.transcript().finalAnswer());
    return result(prompt);
  }

  private AgentResult result(String prompt) {
    AgentTranscript transcript = attempt.transcript();
    List<ToolInvocation> invocations = new ArrayList<>();
    List<ToolCall> calls = new ArrayList<>();
    for (ToolUse use : transcript.toolUses()) {
      invocations.add(new ToolInvocation(use.name(), use.input(), false));
      calls.add(new ToolCall("cli-" + calls.size(), use.name(), use.input().toString()));
    }
    List<ChatMessage> messages =
        List.of(
            new ChatMessage.User(prompt),
            new ChatMessage.Assistant(transcript.finalAnswer(), calls));
    String providerError = providerError();
    return new AgentResult(
        messages,
        invocations,
        transcript.usage(),
        transcript.finalContextTokens(),
        transcript.turns(),
        providerError == null ? AgentResult.Stop.COMPLETED : AgentResult.Stop.PROVIDER_ERROR,
        providerError);
  }

  /** Why the agent could not use its provider (so the attempt is an execution error), or null. */
  private String providerError() {
    String apiError = attempt.transcript().report().apiError();
    if (apiError != null) {
      return "the agent failed to use its provider: " + apiError;
    }
    String stopped = attempt.outcome().stoppedBecause();
    return stopped == null ? null : "the agent " + stopped;
  }

  /**
   * Whether the agent left the workspace other than it started or answered: what an untouched
   * attempt leaves is the case's start, which is not scored (see {@link Session}).
   */
  @Override
  public boolean hasArtifact() {
    return attempt != null
        && (!attempt.diff().isEmpty() || !attempt.transcript().finalAnswer().isBlank());
  }

  @Override
  public List<Check> validate() {
    List<Check> checks = new ArrayList<>();
    String failure = attempt.outcome().failure();
    checks.add(Check.of(AGENT_FINISHED, failure == null, failure));
    requestedModel(attempt.trace()).ifPresent(checks::add);
    FileTree expected = prepared.expected();
    if (expected != null) {
      checks.addAll(AgentFolderChecks.expectedFiles(expected, attempt.workspace()));
      checks.add(
          AgentFolderChecks.unexpectedFiles(
              attempt.diff(), expected, prepared.allowedExtraFiles()));
    }
    if (prepared.expect().workspaceUnchanged()) {
      checks.add(AgentFolderChecks.unchanged(attempt.diff()));
    }
    checks.add(
        AgentFolderChecks.nothingOutside(attempt.escaped(), attempt.diff(), attempt.workspace()));
    checks.addAll(ConventionChecks.of(attempt.diff(), attempt.workspace()));
    checks.addAll(
        ExpectChecks.of(
            prepared.expect(),
            attempt.trace(),
            attempt.transcript().finalAnswer(),
            prepared.settings().guidance().skills()));
    return checks;
  }

  @Override
  public JsonNode artifact() {
    ObjectNode artifact = Mappers.json().createObjectNode();
    ObjectNode files = artifact.putObject("files");
    attempt
        .diff()
        .written()
        .forEach(path -> files.put(path, attempt.workspace().files().get(path).text()));
    attempt.diff().deleted().forEach(artifact.putArray("deleted")::add);
    artifact.put("finalAnswer", attempt.transcript().finalAnswer());
    artifact.set("trace", Mappers.json().valueToTree(attempt.trace()));
    return artifact;
  }

  @Override
  public void writeArtifacts(ArtifactSink sink) throws IOException {
    for (String path : attempt.diff().written()) {
      FileTree.Entry entry = attempt.workspace().files().get(path);
      if (entry.content() != null) {
        sink.write("workspace/" + path, entry.text());
      }
    }
    sink.write("assistant-output.txt", attempt.outcome().combinedOutput());
    sink.write(WmillStub.LOG_FILE, attempt.wmillLog());
    sink.write("trace.json", Mappers.json().writeValueAsString(attempt.trace()) + "\n");
    ObjectNode facts = SavedAttempt.runFacts(attempt);
    if (facts != null) {
      sink.write(SavedAttempt.RUN_FILE, Mappers.json().writeValueAsString(facts) + "\n");
    }
  }

  /** Takes the attempt of an earlier run from its folder, as if the agent had just run. */
  CliSession restore(Path attemptFolder) throws IOException {
    attempt = SavedAttempt.read(attemptFolder, prepared, guidance).orElse(null);
    return this;
  }

  /** Compared only when the agent names its model (Claude Code's {@code init} event does). */
  private static java.util.Optional<Check> requestedModel(CliTrace trace) {
    String used = trace.agent().model();
    if (used == null || trace.requestedModel() == null) {
      return java.util.Optional.empty();
    }
    boolean same = used.equals(trace.requestedModel());
    return java.util.Optional.of(
        Check.of(
            REQUESTED_MODEL,
            same,
            same ? null : "asked for " + trace.requestedModel() + ", the agent used " + used));
  }

  private static String preview(ToolUse use) {
    String text = use.input().toString();
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
