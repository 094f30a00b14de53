package dev.evals.run;

import dev.evals.config.Secrets;
import dev.evals.json.Mappers;
import dev.evals.judge.Judgement;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.PreviewOutcome;
import dev.evals.modes.PreviewRequest;
import dev.evals.modes.Previewer;
import dev.evals.modes.Session;
import dev.evals.modes.ToolExpectations;
import dev.evals.run.AnswerSource.Answer;
import dev.evals.validate.Check;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * One attempt's pipeline of stages: the answer (a session and the model under test in it, or a
 * session restored for a rescore, see {@link AnswerSource}), the mode's validators and the case's
 * tool expectations, the judge, the backend preview, and last the record, made durable in {@code
 * index.jsonl}. Whatever fails inside becomes an execution error with its stack trace in {@code
 * run.log}; an attempt never takes the run down.
 */
public final class AttemptPipeline {

  static final String RUN_SUCCEEDED = "run succeeded";
  // How the loop ended, when not by finishing: each counted apart from "no artifact".
  static final String MODEL_DID_NOT_REFUSE = "model did not refuse";
  static final String ANSWER_NOT_TRUNCATED = "answer not truncated";
  static final String CONTEXT_NOT_EXCEEDED = "context window not exceeded";
  static final String MODEL_STOPPED_NORMALLY = "model stopped normally";

  /** The first check of every attempt: how its loop ended. */
  static final Set<String> LOOP_CHECKS =
      Set.of(
          RUN_SUCCEEDED,
          MODEL_DID_NOT_REFUSE,
          ANSWER_NOT_TRUNCATED,
          CONTEXT_NOT_EXCEEDED,
          MODEL_STOPPED_NORMALLY);

  static final String PREVIEW_SUCCEEDED = "backend preview succeeded";

  private final AnswerSource answers;
  private final JudgeStage judge;
  private final Previewer previewer;
  private final boolean executionOnly;
  private final AttemptIndex index;
  private final Clock clock;
  private final Secrets secrets;
  private final RunLog log;

  /**
   * @param answers where the sessions come from: the model under test, or an earlier run
   * @param judge the judge stage
   * @param previewer the backend preview stage, or null when it is off
   * @param index where the last stage makes each record durable
   */
  public AttemptPipeline(
      AnswerSource answers,
      JudgeStage judge,
      Previewer previewer,
      boolean executionOnly,
      AttemptIndex index,
      Clock clock,
      Secrets secrets,
      RunLog log) {
    this.answers = answers;
    this.judge = judge;
    this.previewer = previewer;
    this.executionOnly = executionOnly;
    this.index = index;
    this.clock = clock;
    this.secrets = secrets;
    this.log = log;
  }

  /**
   * Runs the attempt through every stage and returns its record once it is in the index.
   *
   * @throws UncheckedIOException when the record cannot be written: the run cannot go on
   */
  public AttemptRecord run(PlannedAttempt planned) {
    AttemptRecord record = score(planned);
    try {
      index.append(record);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record attempt " + record.key(), e);
    }
    return record;
  }

  private AttemptRecord score(PlannedAttempt planned) {
    long start = clock.millis();
    AttemptFolder folder = null;
    Answer answer = null;
    try {
      Optional<AttemptRecord> settled = answers.settled(planned);
      if (settled.isPresent()) {
        return settled.get();
      }
      folder = answers.folder(planned);
      answer = answers.answer(planned, folder);
      Scoring scoring = new Scoring();
      scoring.addAll(answer.loopChecks());
      if (answer.providerError() != null) {
        scoring.infrastructureFailed("provider error: " + secrets.redact(answer.providerError()));
      } else if (!executionOnly) {
        validate(planned.prepared(), answer, scoring);
        judge(planned.prepared(), answer.session(), folder, scoring);
        preview(answer, folder, scoring);
      }
      folder.writeJson("checks.json", Mappers.json().valueToTree(scoring.checks()), secrets);
      return record(planned, start, answer, scoring, folder);
    } catch (IOException | RuntimeException e) {
      log.failure("attempt " + planned.key() + " failed", e);
      String error = secrets.redact(e.getClass().getSimpleName() + ": " + e.getMessage());
      return executionError(
          planned.prepared().definition().id(),
          planned.attempt(),
          error,
          clock.millis() - start,
          folder == null ? null : folder.relativeToRun());
    } finally {
      if (answer != null) {
        close(answer.session(), planned.key());
      }
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
    return AttemptRecord.executionError(
        new AttemptKey(caseId, attempt),
        Check.fail(RUN_SUCCEEDED, error),
        durationMs,
        artifactsPath);
  }

  /** The mode's validators on the final state, then the case's tool expectations on the calls. */
  private static void validate(PreparedCase prepared, Answer answer, Scoring scoring) {
    if (answer.session().hasArtifact()) {
      scoring.addAll(answer.session().validate());
    }
    scoring.addToolChecks(
        ToolExpectations.check(prepared.definition().toolExpect(), answer.invocations()));
  }

  private void judge(PreparedCase prepared, Session session, AttemptFolder folder, Scoring scoring)
      throws IOException {
    Optional<Judgement> judgement = judge.judge(prepared, session);
    if (judgement.isPresent()) {
      folder.writeJson("judge.json", judgement.get().toJson(), secrets);
      scoring.judged(judgement.get());
    }
  }

  private void preview(Answer answer, AttemptFolder folder, Scoring scoring) throws IOException {
    scoring.addAll(answer.carriedPreview());
    Session session = answer.session();
    Optional<PreviewRequest> request = session.previewRequest();
    if (previewer == null || !session.hasArtifact() || request.isEmpty()) {
      return;
    }
    PreviewOutcome outcome = previewer.preview(request.get());
    folder.writeJson("backend-preview.json", outcome.report(), secrets);
    String error = outcome.error() == null ? "" : secrets.redact(outcome.error());
    scoring.add(Check.of(PREVIEW_SUCCEEDED, outcome.succeeded(), error));
    if (outcome.infrastructureFailed()) {
      scoring.infrastructureFailed("backend preview failed: " + error);
    }
  }

  private AttemptRecord record(
      PlannedAttempt planned, long start, Answer answer, Scoring scoring, AttemptFolder folder) {
    Judgement judgement = scoring.judgement();
    AnswerSource.ModelActivity activity = answer.activity();
    ReferenceShortfall.Verdict verdict =
        ReferenceShortfall.verdict(
            scoring, planned.prepared(), answer.invocations(), answers.replaysReference());
    AttemptStatus status = verdict.status();
    String error = verdict.error();
    return new AttemptRecord(
        new AttemptKey(planned.prepared().definition().id(), planned.attempt()),
        AttemptOutcome.of(
            status,
            status == AttemptStatus.OK && scoring.passed(),
            scoring.checks(),
            judgement == null ? null : judgement.score(),
            error == null ? null : secrets.redact(error)),
        new AttemptUsage(
            activity.usage(),
            activity.finalContextTokens(),
            activity.costUsd(),
            judgement == null ? null : judgement.usage(),
            judgement == null ? null : judgement.costUsd()),
        new AttemptTiming(
            clock.millis() - start,
            activity.turns(),
            activity.toolCallCount(),
            activity.toolsUsed()),
        folder.relativeToRun());
  }
}
