package dev.evals.report.history;

import java.math.BigDecimal;
import java.util.List;

/** Runs for the history tests: a model and its cases' passes out of one attempt each. */
final class Runs {

  private Runs() {}

  static RunPoint run(int line, String model, boolean... casesPassed) {
    List<RunPoint.CaseResult> cases = new java.util.ArrayList<>();
    int passed = 0;
    for (int i = 0; i < casesPassed.length; i++) {
      cases.add(new RunPoint.CaseResult("case-" + (char) ('a' + i), casesPassed[i] ? 1 : 0, 1));
      passed += casesPassed[i] ? 1 : 0;
    }
    return new RunPoint(
        line,
        "2026-11-2" + line + "T04:17:00.000Z",
        "0123456789abcdef" + line,
        model,
        "sonnet",
        new RunPoint.Tally(passed, casesPassed.length, 0),
        new BigDecimal("0.4163"),
        cases);
  }
}
