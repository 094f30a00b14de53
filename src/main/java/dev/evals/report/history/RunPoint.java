package dev.evals.report.history;

import dev.evals.report.stats.Interval;
import dev.evals.report.stats.Wilson;
import java.math.BigDecimal;
import java.util.List;

/**
 * One recorded suite run, as the history views need it.
 *
 * @param line the line's number in its file, from 1
 * @param createdAt when the run started (ISO-8601 UTC)
 * @param commit the commit the suite ran at, or null when it was not known
 * @param model the model under test
 * @param judgeModel the judge, or null when the judge was off
 * @param passed passing attempts
 * @param scored attempts that could be scored (execution errors left out)
 * @param errors attempts that ended in an execution error
 * @param costUsd model under test plus judge, or null when not priced
 * @param cases the run's cases in file order
 */
public record RunPoint(
    int line,
    String createdAt,
    String commit,
    String model,
    String judgeModel,
    int passed,
    int scored,
    int errors,
    BigDecimal costUsd,
    List<CaseResult> cases) {

  /**
   * One case of a run.
   *
   * @param id the case id
   * @param passed its passing attempts
   * @param scored its scored attempts
   */
  public record CaseResult(String id, int passed, int scored) {

    public CaseResult {
      if (passed < 0 || passed > scored) {
        throw new IllegalArgumentException("case " + id + ": " + passed + " of " + scored);
      }
    }

    /** Every scored attempt passed (a case with nothing scored counts as not passing). */
    public boolean allPassed() {
      return scored > 0 && passed == scored;
    }
  }

  public RunPoint {
    if (passed < 0 || passed > scored) {
      throw new IllegalArgumentException("line " + line + ": " + passed + " of " + scored);
    }
    cases = List.copyOf(cases);
  }

  /** Passed over scored, 0 when nothing was scored. */
  public double passRate() {
    return scored == 0 ? 0.0 : (double) passed / scored;
  }

  /** The 95% Wilson interval of the pass rate. */
  public Interval interval() {
    return Wilson.interval95(passed, scored);
  }

  /** The case of this id, or null when the run did not have it. */
  public CaseResult caseResult(String id) {
    return cases.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
  }
}
