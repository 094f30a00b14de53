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
import dev.evals.modes.PreparedCase;
import dev.evals.modes.Session;
import dev.evals.modes.SessionContext;
import dev.evals.validate.Check;
import dev.evals.validate.ToolExpectations;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Runs one attempt through the pipeline: the model under test with the mode's tools, the
 * deterministic validators, then records it. Whatever fails inside becomes an execution error with
 * its stack trace in {@code run.log}; an attempt never takes the run down.
 */
public final class AttemptExecutor {

  static final String RUN_SUCCEEDED = "run succeeded";

  private final RunDirectory directory;
  private final ModelUnderTest model;
  private final SessionContext sessionContext;
  private final RunListener listener;
  private final Clock clock;
  private final Secrets secrets;
  private final RunLog log;
  private final JudgeStage judge;

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
  }

  public AttemptRecord execute(PreparedCase prepared, int attempt) {
    CaseDefinition definition = prepared.definition();
    long start = clock.millis();
    AttemptFolder folder = null;
    try {
      folder = directory.attemptFolder(definition.id(), attempt);
      Session session = prepared.openSession(sessionContext);
      AgentLoop loop =
          new AgentLoop(
              model.chatModelFor().apply(prepared), agentListener(definition.id(), attempt));
      AgentResult agent =
          loop.run(
              session.systemPrompt(),
              definition.prompt(),
              session.tools(),
              definition.runtime().effectiveMaxTurns());
      writeJson(folder, "transcript.json", Transcript.of(session.systemPrompt(), agent));
      List<Check> checks = checks(definition, session, agent, folder);
      Judgement judgement = judge.judge(prepared, session, agent).orElse(null);
      if (judgement != null) {
        writeJson(folder, "judge.json", judgement.toJson());
        checks.addAll(judgement.checks());
      }
      writeJson(folder, "checks.json", Mappers.json().valueToTree(checks));
      return record(definition, attempt, start, agent, checks, judgement, folder);
    } catch (IOException | RuntimeException e) {
      log.failure("attempt " + definition.id() + "#" + attempt + " failed", e);
      String error = secrets.redact(e.getClass().getSimpleName() + ": " + e.getMessage());
      List<Check> checks = List.of(Check.fail(RUN_SUCCEEDED, error));
      return new AttemptRecord(
          definition.id(),
          attempt,
          AttemptStatus.EXECUTION_ERROR,
          false,
          checks,
          null,
          clock.millis() - start,
          0,
          0,
          List.of(),
          null,
          0,
          null,
          null,
          null,
          error,
          folder == null ? null : folder.relativeToRun());
    }
  }

  private List<Check> checks(
      CaseDefinition definition, Session session, AgentResult agent, AttemptFolder folder)
      throws IOException {
    List<Check> checks = new ArrayList<>();
    checks.add(runSucceeded(definition, session, agent));
    if (agent.stop() == AgentResult.Stop.PROVIDER_ERROR) {
      return checks;
    }
    if (session.hasArtifact()) {
      session.writeArtifacts(folder);
      checks.addAll(session.validate());
    }
    checks.addAll(ToolExpectations.check(definition.toolExpect(), agent.invocations()));
    return checks;
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
    };
  }

  private AttemptRecord record(
      CaseDefinition definition,
      int attempt,
      long start,
      AgentResult agent,
      List<Check> checks,
      Judgement judgement,
      AttemptFolder folder) {
    boolean providerFailed = agent.stop() == AgentResult.Stop.PROVIDER_ERROR;
    boolean judgeFailed = judgement != null && judgement.isExecutionError();
    AttemptStatus status =
        providerFailed || judgeFailed ? AttemptStatus.EXECUTION_ERROR : AttemptStatus.OK;
    boolean passed = status == AttemptStatus.OK && checks.stream().allMatch(Check::passed);
    String error =
        judgeFailed
            ? "judge failed: " + secrets.redact(judgement.error())
            : checks.stream()
                .filter(c -> !c.passed() && c.name().equals(RUN_SUCCEEDED))
                .map(Check::detail)
                .findFirst()
                .orElse(null);
    LinkedHashSet<String> toolsUsed = new LinkedHashSet<>();
    agent.invocations().stream().map(ToolInvocation::name).forEach(toolsUsed::add);
    return new AttemptRecord(
        definition.id(),
        attempt,
        status,
        passed,
        checks,
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
        error,
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
    folder.write(name, secrets.redact(Mappers.json().writeValueAsString(json)) + "\n");
  }
}
