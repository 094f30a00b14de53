package dev.evals.mutation;

import dev.evals.agent.AgentListener;
import dev.evals.agent.AgentLoop;
import dev.evals.agent.AgentResult;
import dev.evals.model.ScriptedChatModel;
import dev.evals.model.ToolCall;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.Session;
import dev.evals.modes.SessionContext;
import dev.evals.modes.ToolExpectations;
import dev.evals.validate.Check;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays tool calls through a fresh session of a case as a scripted model, offline, and scores what
 * they built with the deterministic checks only: the mode's validators and the case's tool
 * expectations, except those on tools the reference never calls. No judge, no backend preview.
 */
final class MutantPlay {

  static final String ANSWERED = "answer produced";

  private MutantPlay() {}

  /** The checks of one play; the session, and the databases it opened, end with the play. */
  static List<Check> checks(PreparedCase prepared, List<ToolCall> calls) {
    try (Session session = prepared.openSession(SessionContext.DEFAULT)) {
      return checks(prepared, session, calls);
    }
  }

  private static List<Check> checks(PreparedCase prepared, Session session, List<ToolCall> calls) {
    AgentResult agent =
        new AgentLoop(new ScriptedChatModel(calls, "Done."), AgentListener.SILENT)
            .run(
                session.systemPrompt(),
                prepared.definition().prompt(),
                session.tools(),
                prepared.definition().runtime().effectiveMaxTurns());
    List<Check> checks = new ArrayList<>();
    checks.add(
        Check.of(
            ANSWERED,
            agent.stop() == AgentResult.Stop.COMPLETED && session.hasArtifact(),
            "the calls ended with " + agent.stop() + " and no artifact"));
    if (session.hasArtifact()) {
      checks.addAll(session.validate());
    }
    // Expectations on tools the reference never calls (schedules, triggers) would fail the control
    // and every defect alike, so they measure nothing here.
    checks.addAll(
        ToolExpectations.check(
            prepared.definition().toolExpect().without(prepared.toolsTheReferenceCannotCall()),
            agent.invocations()));
    return checks;
  }

  static List<Check> failed(List<Check> checks) {
    return checks.stream().filter(c -> !c.passed()).toList();
  }
}
