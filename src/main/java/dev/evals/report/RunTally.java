package dev.evals.report;

import dev.evals.run.AttemptRecord;
import dev.evals.validate.Check;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The aggregates of a whole run, fed one record at a time: a {@link CaseTally} per case, scored and
 * passed attempts per repeat number, failures per check name, and which repeats of each case were
 * recorded. Its size grows with the cases, runs and check names, never with the records' contents.
 */
final class RunTally {

  private final Map<String, CaseTally> cases = new LinkedHashMap<>();
  private final Map<String, BitSet> recorded = new LinkedHashMap<>();
  private final List<int[]> perRun = new ArrayList<>();
  private final Map<String, Integer> checkFailures = new TreeMap<>();

  void add(AttemptRecord record) {
    cases.computeIfAbsent(record.caseId(), CaseTally::new).add(record);
    recorded.computeIfAbsent(record.caseId(), id -> new BitSet()).set(record.attempt());
    if (!record.scored()) {
      return;
    }
    int[] ofRun = ofRun(record.attempt());
    ofRun[0]++;
    if (record.passed()) {
      ofRun[1]++;
    }
    record.failedChecks().stream()
        .map(Check::name)
        .distinct()
        .forEach(name -> checkFailures.merge(name, 1, Integer::sum));
  }

  private int[] ofRun(int attempt) {
    while (perRun.size() < attempt) {
      perRun.add(new int[2]);
    }
    return perRun.get(attempt - 1);
  }

  /** The tally of one case, empty when none of its attempts was recorded. */
  CaseTally of(String caseId) {
    return cases.computeIfAbsent(caseId, CaseTally::new);
  }

  Collection<CaseTally> cases() {
    return cases.values();
  }

  /** The suite's counts and sums: every case's tally added up. */
  CaseTally total() {
    CaseTally total = new CaseTally("");
    cases.values().forEach(total::add);
    return total;
  }

  boolean wasRecorded(String caseId, int attempt) {
    BitSet attempts = recorded.get(caseId);
    return attempts != null && attempts.get(attempt);
  }

  /** The highest repeat number with a scored attempt, or 0. */
  int lastScoredRun() {
    for (int run = perRun.size(); run > 0; run--) {
      if (perRun.get(run - 1)[0] > 0) {
        return run;
      }
    }
    return 0;
  }

  /** Scored attempts with this repeat number. */
  int scoredInRun(int run) {
    return run <= perRun.size() ? perRun.get(run - 1)[0] : 0;
  }

  /** Passed attempts with this repeat number. */
  int passedInRun(int run) {
    return run <= perRun.size() ? perRun.get(run - 1)[1] : 0;
  }

  /** Scored attempts that failed each check, by check name. */
  Map<String, Integer> checkFailures() {
    return checkFailures;
  }
}
