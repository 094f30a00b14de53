package dev.evals.run;

import dev.evals.agent.ToolInvocation;
import dev.evals.model.TokenUsage;
import dev.evals.modes.Session;
import dev.evals.validate.Check;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The first stages of an attempt's pipeline, up to the model's answer: a run opens a session and
 * lets the model under test (or its agent) work in it ({@link ModelAnswers}); a rescore restores
 * the session an earlier attempt left ({@link SavedAnswers}). Every stage after it is the same.
 */
public sealed interface AnswerSource permits ModelAnswers, SavedAnswers {

  /** The record of an attempt with nothing to score, which skips every other stage; else empty. */
  Optional<AttemptRecord> settled(PlannedAttempt planned) throws IOException;

  /** The attempt's folder in the run being written. */
  AttemptFolder folder(PlannedAttempt planned) throws IOException;

  /** The session and what the model did in it, its transcript and artifacts in the folder. */
  Answer answer(PlannedAttempt planned, AttemptFolder folder) throws IOException;

  /** Whether the answers are the reference model's replays of the expected solutions. */
  boolean replaysReference();

  /**
   * The model's answer.
   *
   * @param session the final state, scored by the stages after the answer
   * @param loopChecks how the model's loop ended: the attempt's first check
   * @param invocations the tool calls, for the tool expectations
   * @param providerError why the provider failed, which ends the pipeline as an execution error, or
   *     null
   * @param carriedPreview the original's backend preview check when the preview cannot be redone (a
   *     rescore), else empty: then the preview stage runs when it is on
   * @param activity what the model did and cost
   */
  record Answer(
      Session session,
      List<Check> loopChecks,
      List<ToolInvocation> invocations,
      String providerError,
      List<Check> carriedPreview,
      ModelActivity activity) {

    public Answer {
      loopChecks = List.copyOf(loopChecks);
      invocations = List.copyOf(invocations);
      carriedPreview = List.copyOf(carriedPreview);
    }
  }

  /**
   * What the model under test did in an attempt and what it cost.
   *
   * @param turns model turns taken
   * @param toolCallCount tool calls made
   * @param toolsUsed distinct tools called, in first-use order
   * @param usage tokens of the model under test
   * @param finalContextTokens prompt tokens of the last request
   * @param costUsd cost of the model under test
   */
  record ModelActivity(
      int turns,
      int toolCallCount,
      List<String> toolsUsed,
      TokenUsage usage,
      long finalContextTokens,
      BigDecimal costUsd) {

    public ModelActivity {
      toolsUsed = List.copyOf(toolsUsed);
    }
  }
}
