package dev.evals.run;

import dev.evals.validate.Check;
import java.util.List;
import java.util.Objects;

/**
 * How an attempt ended. Only a {@link Scored} attempt can pass, so "not scored but passed" cannot
 * be written; each kind carries the fields it has.
 */
public sealed interface AttemptOutcome
    permits AttemptOutcome.Scored,
        AttemptOutcome.ExecutionError,
        AttemptOutcome.NoReference,
        AttemptOutcome.IncompleteReference {

  /** The status written to {@code index.jsonl} and the summary. */
  AttemptStatus status();

  /** The named checks, in pipeline order (none for {@link NoReference}). */
  List<Check> checks();

  /** The judge's score, or null when not judged. */
  Integer judgeScore();

  /** What failed, or null. */
  String error();

  /** Whether every check passed; only a scored attempt can. */
  default boolean passed() {
    return false;
  }

  /**
   * Scored: it passed, or the model failed a check.
   *
   * @param passed whether every check passed
   * @param checks the checks
   * @param judgeScore the judge's score, or null
   * @param error why the run itself did not succeed, or null
   */
  record Scored(boolean passed, List<Check> checks, Integer judgeScore, String error)
      implements AttemptOutcome {
    public Scored {
      checks = copy(checks);
    }

    @Override
    public AttemptStatus status() {
      return AttemptStatus.OK;
    }
  }

  /**
   * The infrastructure failed (provider, judge, backend): never counted as a model failure. A judge
   * score is kept when the judge answered before a later stage (backend preview) failed.
   */
  record ExecutionError(String error, List<Check> checks, Integer judgeScore)
      implements AttemptOutcome {
    public ExecutionError {
      checks = copy(checks);
    }

    @Override
    public AttemptStatus status() {
      return AttemptStatus.EXECUTION_ERROR;
    }
  }

  /** The reference model had no expected solution to replay: neither pass nor fail. */
  record NoReference(String error) implements AttemptOutcome {
    public static final String NO_EXPECTED_SOLUTION =
        "the case has no expected solution for the reference model to replay";

    @Override
    public AttemptStatus status() {
      return AttemptStatus.NO_REFERENCE;
    }

    @Override
    public List<Check> checks() {
      return List.of();
    }

    @Override
    public Integer judgeScore() {
      return null;
    }
  }

  /** The reference model replayed a solution that falls short of its own case. */
  record IncompleteReference(List<Check> checks, Integer judgeScore, String error)
      implements AttemptOutcome {
    public IncompleteReference {
      checks = copy(checks);
    }

    @Override
    public AttemptStatus status() {
      return AttemptStatus.INCOMPLETE_REFERENCE;
    }
  }

  /**
   * The outcome a status and its fields stand for, as a flat line of {@code index.jsonl} holds
   * them.
   *
   * @throws IllegalArgumentException when an attempt that was not scored claims to have passed, or
   *     a run with no reference has checks
   */
  static AttemptOutcome of(
      AttemptStatus status, boolean passed, List<Check> checks, Integer judgeScore, String error) {
    Objects.requireNonNull(status, "status");
    if (status != AttemptStatus.OK && passed) {
      throw new IllegalArgumentException(
          "only a scored attempt can pass, not " + status.wireName());
    }
    return switch (status) {
      case OK -> new Scored(passed, checks, judgeScore, error);
      case EXECUTION_ERROR -> new ExecutionError(error, checks, judgeScore);
      case NO_REFERENCE -> noReference(checks, judgeScore, error);
      case INCOMPLETE_REFERENCE -> new IncompleteReference(checks, judgeScore, error);
    };
  }

  private static NoReference noReference(List<Check> checks, Integer judgeScore, String error) {
    if ((checks != null && !checks.isEmpty()) || judgeScore != null) {
      throw new IllegalArgumentException("an attempt with no reference has no checks or score");
    }
    return new NoReference(error);
  }

  private static List<Check> copy(List<Check> checks) {
    return checks == null ? List.of() : List.copyOf(checks);
  }
}
