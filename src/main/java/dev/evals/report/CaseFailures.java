package dev.evals.report;

import dev.evals.run.AttemptRecord;
import dev.evals.run.AttemptStatus;
import dev.evals.validate.Check;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The failed attempts of one case, as the end of a run lists them: how many of the case's attempts
 * failed, of which how many were execution errors or incomplete references, and the first failed
 * check of its first failed attempt.
 *
 * @param caseId the case
 * @param failed its attempts that did not pass (a case without an expected solution is no failure)
 * @param attempts all its attempts
 * @param errors of the failed ones, execution errors
 * @param skeletons of the failed ones, incomplete references
 * @param firstFailure the first failed check of the first failed attempt, as {@code name: detail}
 */
public record CaseFailures(
    String caseId, int failed, int attempts, int errors, int skeletons, String firstFailure) {

  /** The cases with a failed attempt, in the order their first attempt is handed over. */
  public static List<CaseFailures> of(Iterable<AttemptRecord> attempts) {
    Map<String, Tally> tallies = new LinkedHashMap<>();
    for (AttemptRecord attempt : attempts) {
      tallies.computeIfAbsent(attempt.caseId(), Tally::new).add(attempt);
    }
    List<CaseFailures> failures = new ArrayList<>();
    for (Tally tally : tallies.values()) {
      if (tally.failed > 0) {
        failures.add(
            new CaseFailures(
                tally.caseId,
                tally.failed,
                tally.attempts,
                tally.errors,
                tally.skeletons,
                tally.firstFailure));
      }
    }
    return failures;
  }

  /**
   * {@code 2 of 3 attempts failed (1 execution error)}, or for a case whose expected solution fails
   * its own checks {@code 2 of 2 attempts incomplete_reference (not in the pass rate)}.
   */
  String count() {
    String of = failed + " of " + attempts + (attempts == 1 ? " attempt" : " attempts");
    if (skeletons == failed) {
      return of + " incomplete_reference (not in the pass rate)";
    }
    List<String> kinds = new ArrayList<>();
    if (errors > 0) {
      kinds.add(errors + (errors == 1 ? " execution error" : " execution errors"));
    }
    if (skeletons > 0) {
      kinds.add(skeletons + " incomplete_reference");
    }
    return of + " failed" + (kinds.isEmpty() ? "" : " (" + String.join(", ", kinds) + ")");
  }

  /** Counts one case's attempts as they are handed over, keeping only the first failure's text. */
  private static final class Tally {
    private final String caseId;
    private int attempts;
    private int failed;
    private int errors;
    private int skeletons;
    private String firstFailure;

    Tally(String caseId) {
      this.caseId = caseId;
    }

    void add(AttemptRecord attempt) {
      attempts++;
      if (attempt.passed() || attempt.status() == AttemptStatus.NO_REFERENCE) {
        return;
      }
      failed++;
      if (attempt.status() == AttemptStatus.EXECUTION_ERROR) {
        errors++;
      }
      if (attempt.status() == AttemptStatus.INCOMPLETE_REFERENCE) {
        skeletons++;
      }
      if (firstFailure == null) {
        firstFailure = firstFailureOf(attempt);
      }
    }

    private static String firstFailureOf(AttemptRecord attempt) {
      List<Check> checks = attempt.failedChecks();
      String check = checks.isEmpty() ? null : checks.get(0).name() + ": " + checks.get(0).detail();
      // An incomplete reference says why first (the fixture fails its checks, a tool it cannot
      // call).
      if (attempt.status() == AttemptStatus.INCOMPLETE_REFERENCE && attempt.error() != null) {
        return check == null ? attempt.error() : attempt.error() + "; " + check;
      }
      if (check != null) {
        return check;
      }
      return attempt.error() == null ? "no check failed" : attempt.error();
    }
  }
}
