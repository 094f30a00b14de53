package dev.evals.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.agent.AgentListener;
import dev.evals.agent.AgentLoop;
import dev.evals.agent.AgentResult;
import dev.evals.agent.ToolInvocation;
import dev.evals.cases.CaseDefinition;
import dev.evals.config.Secrets;
import dev.evals.json.Mappers;
import dev.evals.judge.Judgement;
import dev.evals.modes.ExternalAgentSession;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.PreviewOutcome;
import dev.evals.modes.PreviewRequest;
import dev.evals.modes.Session;
import dev.evals.modes.SessionContext;
import dev.evals.validate.Check;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Runs one attempt through the pipeline: the model under test with the mode's tools, the
 * deterministic validators, the judge, the backend preview, then records it. Whatever fails inside
 * becomes an execution error with its stack trace in {@code run.log}; an attempt never takes the
 * run down.
 */
public final class AttemptExecutor {

  static final String RUN_SUCCEEDED = "run succeeded";
  // How the loop ended, when not by finishing: each counted apart from "no artifact".
  static final String MODEL_DID_NOT_REFUSE = "model did not refuse";
  static final String ANSWER_NOT_TRUNCATED = "answer not truncated";
  static final String CONTEXT_NOT_EXCEEDED = "context window not exceeded";
  static final String MODEL_STOPPED_NORMALLY = "model stopped normally";

  /** The first check of every attempt: how its loop ended. */
  static final java.util.Set<String> LOOP_CHECKS =
      java.util.Set.of(
          RUN_SUCCEEDED,
          MODEL_DID_NOT_REFUSE,
          ANSWER_NOT_TRUNCATED,
          CONTEXT_NOT_EXCEEDED,
          MODEL_STOPPED_NORMALLY);

  static final String PREVIEW_SUCCEEDED = "backend preview succeeded";

  private final RunDirectory directory;
  private final ModelUnderTest model;
  private final SessionContext sessionContext;
  private final RunListener listener;
  private final Clock clock;
  private final Secrets secrets;
  private final RunLog log;
  private final JudgeStage judge;
  private final ArtifactScoring artifactScoring;

  public AttemptExecutor(
      RunDirectory directory,
      ModelUnderTest model,
      SessionContext sessionContext,
      RunListener listener,
      Clock clock,
      Secrets secrets,
      RunLog log,
      JudgeStage judge) {
    this.directory = directory;
    this.model = model;
    this.sessionContext = sessionContext;
    this.listener = listener;
    this.clock = clock;
    this.secrets = secrets;
    this.log = log;
    this.judge = judge;
    this.artifactScoring = new ArtifactScoring(judge, secrets);
  }

  public AttemptRecord execute(PreparedCase prepared, int attempt) {
    CaseDefinition definition = prepared.definition();
    long start = clock.millis();
    AttemptFolder folder = null;
    if (model.spec().isReference() && !prepared.hasReference()) {
      return noReference(definition, attempt);
    }
    try {
      folder = directory.attemptFolder(definition.id(), attempt);
      Session session = prepared.openSession(sessionContext);
      try {
        AgentResult agent = drive(prepared, session, attempt);
        writeJson(folder, "transcript.json", Transcript.of(session.systemPrompt(), agent));
        if (prepared.expectedState() != null) {
          // Kept beside the artifact so reports can diff the two without the cases root.
          writeJson(folder, "expected.json", prepared.expectedState());
        }
        Scoring scoring = score(prepared, session, agent, folder);
        writeJson(folder, "checks.json", Mappers.json().valueToTree(scoring.checks()));
        return record(prepared, definition, attempt, start, agent, scoring, folder);
      } finally {
        close(session, definition.id() + "#" + attempt);
      }
    } catch (IOException | RuntimeException e) {
      log.failure("attempt " + definition.id() + "#" + attempt + " failed", e);
      String error = secrets.redact(e.getClass().getSimpleName() + ": " + e.getMessage());
      return executionError(
          definition.id(),
          attempt,
          error,
          clock.millis() - start,
          folder == null ? null : folder.relativeToRun());
    }
  }

  /** A scored attempt stays scored when freeing its session fails; the log says what was left. */
  private void close(Session session, String attempt) {
    try {
      session.close();
    } catch (RuntimeException e) {
      log.failure("attempt " + attempt + ": its session was not closed cleanly", e);
    }
  }

  /** An attempt the infrastructure failed: its only check is the failed run. */
  static AttemptRecord executionError(
      String caseId, int attempt, String error, long durationMs, String artifactsPath) {
    return new AttemptRecord(
        caseId,
        attempt,
        AttemptStatus.EXECUTION_ERROR,
        false,
        List.of(Check.fail(RUN_SUCCEEDED, error)),
        null,
        durationMs,
        0,
        0,
        List.of(),
        null,
        0,
        null,
        null,
        null,
        error,
        artifactsPath);
  }

  private AgentResult drive(PreparedCase prepared, Session session, int attempt) {
    AgentListener agentListener = agentListener(prepared.definition().id(), attempt);
    if (session instanceof ExternalAgentSession external) {
      return external.runAgent(model.spec(), agentListener);
    }
    AgentLoop loop = new AgentLoop(model.chatModelFor().apply(prepared), agentListener);
    return loop.run(
        session.systemPrompt(),
        prepared.definition().prompt(),
        session.tools(),
        prepared.definition().runtime().effectiveMaxTurns());
  }

  private Scoring score(
      PreparedCase prepared, Session session, AgentResult agent, AttemptFolder folder)
      throws IOException {
    CaseDefinition definition = prepared.definition();
    Scoring scoring = new Scoring();
    scoring.add(runSucceeded(definition, session, agent));
    if (session.hasArtifact()) {
      // every text a mode writes (an agent's output, the files it wrote) is masked like the rest
      session.writeArtifacts((path, content) -> folder.write(path, secrets.redact(content)));
    }
    if (agent.stop() == AgentResult.Stop.PROVIDER_ERROR) {
      scoring.infrastructureFailed("provider error: " + secrets.redact(agent.error()));
      return scoring;
    }
    artifactScoring.score(prepared, session, agent.invocations(), folder, scoring);
    preview(session, folder, scoring);
    return scoring;
  }

  private void preview(Session session, AttemptFolder folder, Scoring scoring) throws IOException {
    Optional<PreviewRequest> request = session.previewRequest();
    if (!sessionContext.previewEnabled() || !session.hasArtifact() || request.isEmpty()) {
      return;
    }
    PreviewOutcome outcome = sessionContext.previewer().preview(request.get());
    writeJson(folder, "backend-preview.json", outcome.report());
    String error = outcome.error() == null ? "" : secrets.redact(outcome.error());
    scoring.add(Check.of(PREVIEW_SUCCEEDED, outcome.succeeded(), error));
    if (outcome.infrastructureFailed()) {
      scoring.infrastructureFailed("backend preview failed: " + error);
    }
  }

  private Check runSucceeded(CaseDefinition definition, Session session, AgentResult agent) {
    return switch (agent.stop()) {
      case PROVIDER_ERROR ->
          Check.fail(RUN_SUCCEEDED, "provider error: " + secrets.redact(agent.error()));
      case MAX_TURNS ->
          Check.fail(
              RUN_SUCCEEDED,
              "the model was still calling tools after "
                  + definition.runtime().effectiveMaxTurns()
                  + " turns (runtime.maxTurns)");
      case COMPLETED ->
          Check.of(
              RUN_SUCCEEDED,
              session.hasArtifact(),
              "the model finished without producing an artifact");
      case REFUSED -> Check.fail(MODEL_DID_NOT_REFUSE, agent.error());
      case TRUNCATED -> Check.fail(ANSWER_NOT_TRUNCATED, agent.error());
      case CONTEXT_OVERFLOW -> Check.fail(CONTEXT_NOT_EXCEEDED, secrets.redact(agent.error()));
      case UNEXPECTED_STOP -> Check.fail(MODEL_STOPPED_NORMALLY, agent.error());
    };
  }

  private AttemptRecord noReference(CaseDefinition definition, int attempt) {
    return new AttemptRecord(
        definition.id(),
        attempt,
        AttemptStatus.NO_REFERENCE,
        false,
        List.of(),
        null,
        0,
        0,
        0,
        List.of(),
        null,
        0,
        null,
        null,
        null,
        "the case has no expected solution for the reference model to replay",
        null);
  }

  private AttemptRecord record(
      PreparedCase prepared,
      CaseDefinition definition,
      int attempt,
      long start,
      AgentResult agent,
      Scoring scoring,
      AttemptFolder folder) {
    LinkedHashSet<String> toolsUsed = new LinkedHashSet<>();
    agent.invocations().stream().map(ToolInvocation::name).forEach(toolsUsed::add);
    Judgement judgement = scoring.judgement();
    ReferenceShortfall.Verdict verdict =
        ReferenceShortfall.verdict(
            scoring, prepared, agent.invocations(), model.spec().isReference());
    AttemptStatus status = verdict.status();
    String error = verdict.error();
    return new AttemptRecord(
        definition.id(),
        attempt,
        status,
        status == AttemptStatus.OK && scoring.passed(),
        scoring.checks(),
        judgement == null ? null : judgement.score(),
        clock.millis() - start,
        agent.turns(),
        agent.invocations().size(),
        List.copyOf(toolsUsed),
        agent.usage(),
        agent.finalContextTokens(),
        model.spec().cost(agent.usage()),
        judgement == null ? null : judgement.usage(),
        judgement == null ? null : judgement.costUsd(),
        error == null ? null : secrets.redact(error),
        folder.relativeToRun());
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

  private void writeJson(AttemptFolder folder, String name, JsonNode json) throws IOException {
    artifactScoring.writeJson(folder, name, json);
  }
}
