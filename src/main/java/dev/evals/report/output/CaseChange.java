package dev.evals.report.output;

import dev.evals.report.AttemptSource;
import dev.evals.report.CaseComparison;
import dev.evals.report.Comparison;
import dev.evals.report.Verdict;
import dev.evals.report.stats.Interval;
import dev.evals.report.stats.Wilson;
import dev.evals.run.AttemptRecord;
import dev.evals.validate.Check;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One case of {@code evals compare a b}, side by side: both runs' figures, the checks whose failure
 * rate differs, the statistical verdict, and what changed for a person reading it.
 *
 * @param id the case
 * @param before run a's side, or null when the case is new
 * @param after run b's side, or null when the case was removed
 * @param status fixed, broken, still failing, still passing, new or removed
 * @param verdict the Fisher verdict of b against a
 * @param pValue its p, or null
 * @param checks the checks failing in a different share of attempts, in the order first seen
 */
record CaseChange(
    String id,
    Side before,
    Side after,
    Status status,
    Verdict verdict,
    Double pValue,
    List<CheckChange> checks) {

  CaseChange {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    checks = List.copyOf(checks);
  }

  /** What changed, in the words a reader looks for. */
  enum Status {
    BROKEN,
    FIXED,
    STILL_FAILING,
    STILL_PASSING,
    NEW,
    REMOVED;

    String word() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    String css() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * One run's figures for the case.
   *
   * @param attempts attempts recorded
   * @param passed attempts that passed
   * @param scored attempts that could be scored (not execution errors)
   * @param interval the 95% Wilson interval of the pass rate, or null when nothing was scored
   * @param judgeScore the mean judge score, or null when no attempt was judged
   */
  record Side(int attempts, int passed, int scored, Interval interval, Double judgeScore) {

    Double passRate() {
      return scored == 0 ? null : (double) passed / scored;
    }

    /** Every attempt passed; a case with an execution error or a failure does not. */
    boolean allPassed() {
      return attempts > 0 && passed == attempts;
    }

    static Side of(List<AttemptRecord> records) {
      int passed = (int) records.stream().filter(AttemptRecord::passed).count();
      int scored = (int) records.stream().filter(AttemptRecord::scored).count();
      List<Integer> scores =
          records.stream().map(AttemptRecord::judgeScore).filter(Objects::nonNull).toList();
      Double judge =
          scores.isEmpty() ? null : scores.stream().mapToInt(Integer::intValue).average().orElse(0);
      return new Side(
          records.size(),
          passed,
          scored,
          scored == 0 ? null : Wilson.interval95(passed, scored),
          judge);
    }
  }

  /**
   * A check that fails in a different share of attempts in the two runs.
   *
   * @param name the check
   * @param failedBefore attempts of a it failed in (of {@code before.attempts()})
   * @param failedAfter attempts of b it failed in (of {@code after.attempts()})
   * @param detail the first failure detail, from b when it failed there, else from a
   */
  record CheckChange(String name, int failedBefore, int failedAfter, String detail) {}

  /** The cases of b in its order, then those only a has; verdicts from b's comparison with a. */
  static List<CaseChange> between(ComparedRun a, ComparedRun b) {
    Map<String, List<AttemptRecord>> before = attempts(a.attempts());
    Map<String, List<AttemptRecord>> after = attempts(b.attempts());
    Comparison comparison = b.summary().comparison();
    List<String> ids = new ArrayList<>(after.keySet());
    before.keySet().stream().filter(id -> !after.containsKey(id)).forEach(ids::add);
    List<CaseChange> changes = new ArrayList<>();
    for (String id : ids) {
      CaseComparison compared = comparison == null ? null : comparison.caseNamed(id);
      changes.add(of(id, before.get(id), after.get(id), compared));
    }
    return changes;
  }

  static CaseChange of(
      String id, List<AttemptRecord> before, List<AttemptRecord> after, CaseComparison compared) {
    Side a = before == null ? null : Side.of(before);
    Side b = after == null ? null : Side.of(after);
    Verdict verdict =
        compared != null
            ? compared.verdict()
            : a == null ? Verdict.NEW : b == null ? Verdict.REMOVED : Verdict.UNCHANGED;
    return new CaseChange(
        id,
        a,
        b,
        status(a, b),
        verdict,
        compared == null ? null : compared.pValue(),
        checks(before == null ? List.of() : before, after == null ? List.of() : after));
  }

  private static Status status(Side a, Side b) {
    if (a == null) {
      return Status.NEW;
    }
    if (b == null) {
      return Status.REMOVED;
    }
    if (a.allPassed()) {
      return b.allPassed() ? Status.STILL_PASSING : Status.BROKEN;
    }
    return b.allPassed() ? Status.FIXED : Status.STILL_FAILING;
  }

  /** Checks whose share of failing attempts differs; a case only one run has lists none. */
  private static List<CheckChange> checks(List<AttemptRecord> before, List<AttemptRecord> after) {
    if (before.isEmpty() || after.isEmpty()) {
      return List.of();
    }
    Map<String, int[]> failed = new LinkedHashMap<>();
    Map<String, String> detailBefore = new LinkedHashMap<>();
    Map<String, String> detailAfter = new LinkedHashMap<>();
    count(before, 0, failed, detailBefore);
    count(after, 1, failed, detailAfter);
    List<CheckChange> changes = new ArrayList<>();
    failed.forEach(
        (name, counts) -> {
          if ((long) counts[0] * after.size() != (long) counts[1] * before.size()) {
            String detail = detailAfter.getOrDefault(name, detailBefore.get(name));
            changes.add(new CheckChange(name, counts[0], counts[1], detail));
          }
        });
    return changes;
  }

  private static void count(
      List<AttemptRecord> records,
      int side,
      Map<String, int[]> failed,
      Map<String, String> detail) {
    for (AttemptRecord record : records) {
      for (Check check : record.checks()) {
        int[] counts = failed.computeIfAbsent(check.name(), name -> new int[2]);
        if (!check.passed()) {
          counts[side]++;
          if (!check.detail().isBlank()) {
            detail.putIfAbsent(check.name(), check.detail());
          }
        }
      }
    }
  }

  private static Map<String, List<AttemptRecord>> attempts(AttemptSource source) {
    Map<String, List<AttemptRecord>> byCase = new LinkedHashMap<>();
    for (String id : source.caseIds()) {
      List<AttemptRecord> records = new ArrayList<>();
      source.forEachAttemptOf(id, records::add);
      if (!records.isEmpty()) { // selected but not run (an interrupted run): not there
        byCase.put(id, records);
      }
    }
    return byCase;
  }
}
