package dev.evals.report.history;

import dev.evals.report.stats.Interval;
import dev.evals.report.stats.Wilson;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One recorded suite run, as the history views need it.
 *
 * @param line the line's number in its file, from 1
 * @param createdAt when the run started (ISO-8601 UTC)
 * @param commit the commit the suite ran at, or null when it was not known
 * @param model the model under test
 * @param judgeModel the judge, or null when the judge was off
 * @param attempts how its attempts ended
 * @param costUsd model under test plus judge, or null when not priced
 * @param cases the run's cases in file order
 */
public record RunPoint(
    int line,
    String createdAt,
    String commit,
    String model,
    String judgeModel,
    Tally attempts,
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

  /**
   * How the attempts of a run ended.
   *
   * @param passed passing attempts
   * @param scored attempts that could be scored (execution errors left out)
   * @param errors attempts that ended in an execution error
   */
  public record Tally(int passed, int scored, int errors) {}

  public RunPoint {
    Objects.requireNonNull(attempts, "attempts");
    if (attempts.passed() < 0 || attempts.passed() > attempts.scored()) {
      throw new IllegalArgumentException(
          "line " + line + ": " + attempts.passed() + " of " + attempts.scored());
    }
    cases = List.copyOf(cases);
  }

  /** Passing attempts. */
  public int passed() {
    return attempts.passed();
  }

  /** Attempts that could be scored (execution errors left out). */
  public int scored() {
    return attempts.scored();
  }

  /** Attempts that ended in an execution error. */
  public int errors() {
    return attempts.errors();
  }

  /** Passed over scored, 0 when nothing was scored. */
  public double passRate() {
    return scored() == 0 ? 0.0 : (double) passed() / scored();
  }

  /** The 95% Wilson interval of the pass rate. */
  public Interval interval() {
    return Wilson.interval95(passed(), scored());
  }

  /** The case of this id, or null when the run did not have it. */
  public CaseResult caseResult(String id) {
    return cases.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
  }
}
