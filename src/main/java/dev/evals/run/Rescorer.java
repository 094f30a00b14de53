package dev.evals.run;

import dev.evals.agent.RecordedTranscript;
import dev.evals.config.Secrets;
import dev.evals.json.Mappers;
import dev.evals.judge.Judgement;
import dev.evals.model.TokenUsage;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.Session;
import dev.evals.modes.SessionContext;
import dev.evals.validate.Check;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Scores an earlier attempt again from what it left in its folder, without the model under test:
 * the session is restored from the artifact files, the tool calls are read from the transcript,
 * then the validators, tool expectations and judge run as in a run. What cannot be redone is
 * carried over from the original record (whether the run succeeded, the backend preview). Attempts
 * that were not scored (execution errors, missing references) are copied unchanged.
 */
public final class Rescorer {

  /** Files of the original attempt that the rescore writes anew. */
  private static final Set<String> REWRITTEN = Set.of("checks.json", "judge.json");

  private final RunDirectory target;
  private final RunDirectory original;
  private final SessionContext sessionContext;
  private final boolean referenceRun;
  private final Clock clock;
  private final Secrets secrets;
  private final RunLog log;
  private final ArtifactScoring artifactScoring;

  /**
   * @param target the new run
   * @param original the run whose attempts are rescored
   * @param sessionContext the original run's system prompt override; no previewer
   * @param referenceRun whether the original run replayed the reference solutions
   * @param judge the judge of the new run
   */
  public Rescorer(
      RunDirectory target,
      RunDirectory original,
      SessionContext sessionContext,
      boolean referenceRun,
      JudgeStage judge,
      Clock clock,
      Secrets secrets,
      RunLog log) {
    this.target = target;
    this.original = original;
    this.sessionContext = sessionContext;
    this.referenceRun = referenceRun;
    this.clock = clock;
    this.secrets = secrets;
    this.log = log;
    this.artifactScoring = new ArtifactScoring(judge, secrets);
  }

  public AttemptRecord rescore(PreparedCase prepared, AttemptRecord record) {
    long start = clock.millis();
    try {
      if (!record.scored() && record.status() != AttemptStatus.INCOMPLETE_REFERENCE) {
        return copied(record);
      }
      Path source = sourceFolder(record);
      AttemptFolder folder = copyFolder(record, source);
      Scoring scoring = new Scoring();
      scoring.addAll(carriedOver(record, AttemptExecutor.LOOP_CHECKS));
      RecordedTranscript transcript = RecordedTranscript.read(source);
      try (Session session = prepared.restore(source, sessionContext)) {
        artifactScoring.score(prepared, session, transcript.invocations(), folder, scoring);
      }
      scoring.addAll(carriedOver(record, AttemptExecutor.PREVIEW_SUCCEEDED));
      artifactScoring.writeJson(
          folder, "checks.json", Mappers.json().valueToTree(scoring.checks()));
      ReferenceShortfall.Verdict verdict =
          ReferenceShortfall.verdict(scoring, prepared, transcript.invocations(), referenceRun);
      return rescored(record, scoring, verdict, clock.millis() - start, folder);
    } catch (IOException | RuntimeException e) {
      log.failure("rescoring " + record.key() + " failed", e);
      String error = secrets.redact(e.getClass().getSimpleName() + ": " + e.getMessage());
      return AttemptExecutor.executionError(
          record.caseId(), record.attempt(), error, clock.millis() - start, null);
    }
  }

  private AttemptRecord rescored(
      AttemptRecord record,
      Scoring scoring,
      ReferenceShortfall.Verdict verdict,
      long durationMs,
      AttemptFolder folder) {
    AttemptStatus status = verdict.status();
    String error = verdict.error();
    Judgement judgement = scoring.judgement();
    return new AttemptRecord(
        record.caseId(),
        record.attempt(),
        status,
        status == AttemptStatus.OK && scoring.passed(),
        scoring.checks(),
        judgement == null ? null : judgement.score(),
        durationMs,
        record.turns(),
        record.toolCallCount(),
        record.toolsUsed(),
        TokenUsage.ZERO,
        0,
        BigDecimal.ZERO,
        judgement == null ? null : judgement.usage(),
        judgement == null ? null : judgement.costUsd(),
        error == null ? null : secrets.redact(error),
        folder.relativeToRun());
  }

  /** An attempt with nothing to rescore, kept as it was; nothing was spent on it now. */
  private AttemptRecord copied(AttemptRecord record) throws IOException {
    String artifactsPath = null;
    if (record.artifactsPath() != null && Files.isDirectory(sourceFolder(record))) {
      artifactsPath = copyFolder(record, sourceFolder(record)).relativeToRun();
    }
    return new AttemptRecord(
        record.caseId(),
        record.attempt(),
        record.status(),
        record.passed(),
        record.checks(),
        record.judgeScore(),
        record.durationMs(),
        record.turns(),
        record.toolCallCount(),
        record.toolsUsed(),
        TokenUsage.ZERO,
        0,
        BigDecimal.ZERO,
        null,
        null,
        record.error(),
        artifactsPath);
  }

  private static List<Check> carriedOver(AttemptRecord record, String name) {
    return carriedOver(record, java.util.Set.of(name));
  }

  private static List<Check> carriedOver(AttemptRecord record, java.util.Set<String> names) {
    return record.checks().stream().filter(c -> names.contains(c.name())).limit(1).toList();
  }

  private Path sourceFolder(AttemptRecord record) {
    String relative = record.artifactsPath();
    Path path =
        relative == null
            ? original.folder().resolve(record.caseId()).resolve("attempt-" + record.attempt())
            : original.folder().resolve(relative);
    Path normalized = path.normalize();
    if (!normalized.startsWith(original.folder())) {
      throw new IllegalArgumentException(
          "attempt " + record.key() + " points outside its run: " + relative);
    }
    return normalized;
  }

  /** The new attempt folder, holding the original's files but its checks and judgement. */
  private AttemptFolder copyFolder(AttemptRecord record, Path source) throws IOException {
    AttemptFolder folder = target.attemptFolder(record.caseId(), record.attempt());
    if (!Files.isDirectory(source)) {
      return folder;
    }
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String relative = source.relativize(file).toString().replace('\\', '/');
        if (!REWRITTEN.contains(relative)) {
          Path copy = folder.path().resolve(relative);
          Files.createDirectories(copy.getParent());
          Files.copy(file, copy);
        }
      }
    }
    return folder;
  }
}
