package dev.evals.run;

import dev.evals.agent.AgentListener;
import dev.evals.agent.AgentResult;
import dev.evals.agent.ToolInvocation;
import dev.evals.cases.CaseDefinition;
import dev.evals.config.Secrets;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.Session;
import dev.evals.modes.SessionContext;
import dev.evals.validate.Check;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The answers of a run: a fresh session per attempt, then the model under test in its tool loop, or
 * the mode's external agent, and the transcript and artifacts it left.
 */
public final class ModelAnswers implements AnswerSource {

  private static final String EXPECTED = "expected.json";

  private final RunDirectory directory;
  private final ModelUnderTest model;
  private final SessionContext sessionContext;
  private final RunListener listener;
  private final Secrets secrets;
  private final Map<String, Path> expectedFiles = new ConcurrentHashMap<>();

  /**
   * @param directory the run being written
   * @param model the model under test
   * @param sessionContext the system prompt override and the previewer of every session
   * @param listener hears the model's events ({@code --verbose})
   * @param secrets masked in everything written
   */
  public ModelAnswers(
      RunDirectory directory,
      ModelUnderTest model,
      SessionContext sessionContext,
      RunListener listener,
      Secrets secrets) {
    this.directory = directory;
    this.model = model;
    this.sessionContext = sessionContext;
    this.listener = listener;
    this.secrets = secrets;
  }

  @Override
  public Optional<AttemptRecord> settled(PlannedAttempt planned) {
    if (model.spec().isReference() && !planned.prepared().hasReference()) {
      return Optional.of(noReference(planned.prepared().definition(), planned.attempt()));
    }
    return Optional.empty();
  }

  @Override
  public AttemptFolder folder(PlannedAttempt planned) throws IOException {
    return directory.attemptFolder(planned.prepared().definition().id(), planned.attempt());
  }

  @Override
  public Answer answer(PlannedAttempt planned, AttemptFolder folder) throws IOException {
    PreparedCase prepared = planned.prepared();
    Session session = prepared.openSession(sessionContext);
    try {
      return answer(prepared, session, planned.attempt(), folder);
    } catch (IOException | RuntimeException e) {
      session.close();
      throw e;
    }
  }

  private Answer answer(PreparedCase prepared, Session session, int attempt, AttemptFolder folder)
      throws IOException {
    AgentResult agent = drive(prepared, session, attempt);
    folder.writeJson("transcript.json", Transcript.of(session.systemPrompt(), agent), secrets);
    if (prepared.expectedState() != null) {
      // Kept beside the artifact so reports can diff the two without the cases root.
      writeExpected(prepared, folder);
    }
    Check loopCheck = runSucceeded(prepared.definition(), session, agent);
    if (session.hasArtifact()) {
      // every text a mode writes (an agent's output, the files it wrote) is masked like the rest
      session.writeArtifacts((path, content) -> folder.write(path, secrets.redact(content)));
    }
    return new Answer(
        session,
        List.of(loopCheck),
        agent.invocations(),
        agent.stop() == AgentResult.Stop.PROVIDER_ERROR ? agent.error() : null,
        List.of(),
        activity(agent));
  }

  /**
   * Every attempt of a case gets the same {@code expected.json}: the first one this run writes is
   * written and forced, the others are hard links to it (no new file, nothing written or forced
   * again), or written too where a link cannot be made (a file left by an earlier run's attempt).
   */
  private void writeExpected(PreparedCase prepared, AttemptFolder folder) throws IOException {
    String caseId = prepared.definition().id();
    Path written = expectedFiles.get(caseId);
    if (written != null && folder.link(EXPECTED, written)) {
      return;
    }
    folder.writeJson(EXPECTED, prepared.expectedState(), secrets);
    expectedFiles.putIfAbsent(caseId, folder.path().resolve(EXPECTED));
  }

  @Override
  public boolean replaysReference() {
    return model.spec().isReference();
  }

  private AgentResult drive(PreparedCase prepared, Session session, int attempt) {
    return model.drive(prepared, session, agentListener(prepared.definition().id(), attempt));
  }

  private Check runSucceeded(CaseDefinition definition, Session session, AgentResult agent) {
    return switch (agent.stop()) {
      case PROVIDER_ERROR ->
          Check.fail(
              AttemptPipeline.RUN_SUCCEEDED, "provider error: " + secrets.redact(agent.error()));
      case MAX_TURNS ->
          Check.fail(
              AttemptPipeline.RUN_SUCCEEDED,
              "the model was still calling tools after "
                  + definition.runtime().effectiveMaxTurns()
                  + " turns (runtime.maxTurns)");
      case COMPLETED ->
          Check.of(
              AttemptPipeline.RUN_SUCCEEDED,
              session.hasArtifact(),
              "the model finished without producing an artifact");
      case REFUSED -> Check.fail(AttemptPipeline.MODEL_DID_NOT_REFUSE, agent.error());
      case TRUNCATED -> Check.fail(AttemptPipeline.ANSWER_NOT_TRUNCATED, agent.error());
      case CONTEXT_OVERFLOW ->
          Check.fail(AttemptPipeline.CONTEXT_NOT_EXCEEDED, secrets.redact(agent.error()));
      case UNEXPECTED_STOP -> Check.fail(AttemptPipeline.MODEL_STOPPED_NORMALLY, agent.error());
    };
  }

  private ModelActivity activity(AgentResult agent) {
    LinkedHashSet<String> toolsUsed = new LinkedHashSet<>();
    agent.invocations().stream().map(ToolInvocation::name).forEach(toolsUsed::add);
    return new ModelActivity(
        agent.turns(),
        agent.invocations().size(),
        List.copyOf(toolsUsed),
        agent.usage(),
        agent.finalContextTokens(),
        model.spec().cost(agent.usage()));
  }

  private AttemptRecord noReference(CaseDefinition definition, int attempt) {
    return AttemptRecord.noReference(new AttemptKey(definition.id(), attempt));
  }

  private AgentListener agentListener(String caseId, int attempt) {
    return new AgentListener() {
      @Override
      public void assistantText(String text) {
        listener.agentEvent(caseId, attempt, secrets.redact(text.strip()));
      }

      @Override
      public void toolCall(String name, String argumentsPreview) {
        listener.agentEvent(caseId, attempt, "-> " + name + " " + secrets.redact(argumentsPreview));
      }
    };
  }
}
