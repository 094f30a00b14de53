package dev.evals.run;

import dev.evals.agent.RecordedTranscript;
import dev.evals.model.TokenUsage;
import dev.evals.modes.Session;
import dev.evals.modes.SessionContext;
import dev.evals.validate.Check;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The answers of a rescore: the session of each earlier attempt restored from what it left in its
 * folder, without the model under test; the tool calls are read from the transcript. What cannot be
 * redone is carried over from the original record (whether the run succeeded, the backend preview).
 * Attempts that were not scored (execution errors, missing references) are copied unchanged.
 */
public final class SavedAnswers implements AnswerSource {

  /** Files of the original attempt that the rescore writes anew. */
  private static final Set<String> REWRITTEN = Set.of("checks.json", "judge.json");

  private final RunDirectory target;
  private final RunDirectory original;
  private final Map<String, AttemptRecord> records;
  private final SessionContext sessionContext;
  private final boolean referenceRun;

  /**
   * @param target the new run
   * @param original the run whose attempts are rescored
   * @param records the original's records, one per attempt
   * @param sessionContext the original run's system prompt override; no previewer
   * @param referenceRun whether the original run replayed the reference solutions
   */
  public SavedAnswers(
      RunDirectory target,
      RunDirectory original,
      List<AttemptRecord> records,
      SessionContext sessionContext,
      boolean referenceRun) {
    this.target = target;
    this.original = original;
    this.records =
        records.stream()
            .collect(Collectors.toMap(record -> record.key().toString(), Function.identity()));
    this.sessionContext = sessionContext;
    this.referenceRun = referenceRun;
  }

  @Override
  public Optional<AttemptRecord> settled(PlannedAttempt planned) throws IOException {
    AttemptRecord record = recordOf(planned);
    if (!record.scored() && record.status() != AttemptStatus.INCOMPLETE_REFERENCE) {
      return Optional.of(copied(record));
    }
    return Optional.empty();
  }

  @Override
  public AttemptFolder folder(PlannedAttempt planned) throws IOException {
    AttemptRecord record = recordOf(planned);
    return copyFolder(record, sourceFolder(record));
  }

  @Override
  public Answer answer(PlannedAttempt planned, AttemptFolder folder) throws IOException {
    AttemptRecord record = recordOf(planned);
    Path source = sourceFolder(record);
    Session session = planned.prepared().restore(source, sessionContext);
    RecordedTranscript transcript;
    try {
      transcript = RecordedTranscript.read(source);
    } catch (IOException | RuntimeException e) {
      session.close();
      throw e;
    }
    return new Answer(
        session,
        carriedOver(record, AttemptPipeline.LOOP_CHECKS),
        transcript.invocations(),
        null,
        carriedOver(record, Set.of(AttemptPipeline.PREVIEW_SUCCEEDED)),
        new ModelActivity(
            record.turns(),
            record.toolCallCount(),
            record.toolsUsed(),
            TokenUsage.ZERO,
            0,
            BigDecimal.ZERO));
  }

  @Override
  public boolean replaysReference() {
    return referenceRun;
  }

  private AttemptRecord recordOf(PlannedAttempt planned) {
    AttemptRecord record = records.get(planned.key());
    if (record == null) {
      throw new IllegalArgumentException("attempt " + planned.key() + " is not in the run");
    }
    return record;
  }

  /** An attempt with nothing to rescore, kept as it was; nothing was spent on it now. */
  private AttemptRecord copied(AttemptRecord record) throws IOException {
    String artifactsPath = null;
    if (record.artifactsPath() != null && Files.isDirectory(sourceFolder(record))) {
      artifactsPath = copyFolder(record, sourceFolder(record)).relativeToRun();
    }
    return new AttemptRecord(
        record.key(), record.outcome(), AttemptUsage.NONE, record.timing(), artifactsPath);
  }

  private static List<Check> carriedOver(AttemptRecord record, Set<String> names) {
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
