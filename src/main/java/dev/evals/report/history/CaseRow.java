package dev.evals.report.history;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One case across the runs of a history: its state in each run, and where it flipped (passed where
 * the same model's previous run with this case did not, or the other way round).
 *
 * @param states per run: pass, partial, fail or missing
 * @param flipped per run: whether the case flipped there
 */
record CaseRow(List<String> states, List<Boolean> flipped) {

  static CaseRow of(String id, List<RunPoint> runs) {
    Map<String, Boolean> lastByModel = new HashMap<>();
    String[] states = new String[runs.size()];
    Boolean[] flipped = new Boolean[runs.size()];
    for (int i = 0; i < runs.size(); i++) {
      RunPoint.CaseResult result = runs.get(i).caseResult(id);
      flipped[i] = false;
      if (result == null) {
        states[i] = "missing";
        continue;
      }
      states[i] = state(result);
      Boolean before = lastByModel.put(runs.get(i).model(), result.allPassed());
      flipped[i] = before != null && before != result.allPassed();
    }
    return new CaseRow(List.of(states), List.of(flipped));
  }

  private static String state(RunPoint.CaseResult result) {
    if (result.allPassed()) {
      return "pass";
    }
    return result.passed() > 0 ? "partial" : "fail";
  }

  long flips() {
    return flipped.stream().filter(f -> f).count();
  }

  String cellClass(int run) {
    return states.get(run) + (flipped.get(run) ? " flip" : "");
  }
}
