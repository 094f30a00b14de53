package dev.evals.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * A run against its baseline; a missing or unreadable baseline is a status, never a failure.
 *
 * @param baseline where the baseline came from (a path), or null when there is none
 * @param status ok, no_baseline or unreadable
 * @param detail why there is no baseline or why it was unreadable, or null
 * @param passRateDelta this run's pass rate minus the baseline's, or null unless ok
 * @param cases per-case verdicts, empty unless ok
 * @param suite the suite-level sign test over the shared cases, or null unless ok
 * @param baselineRunModel the model the baseline measured, or null when unknown or not ok
 * @param baselineJudgeModel the baseline's judge model, or null
 * @param otherModel whether the baseline measured another model or used another judge (only ever
 *     when a baseline was named explicitly)
 * @param caseFileChanged whether the baseline ran another version of the case file (its digest
 *     differs), or null when either digest is unknown
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Comparison(
    String baseline,
    ComparisonStatus status,
    String detail,
    Double passRateDelta,
    List<CaseComparison> cases,
    SuiteComparison suite,
    String baselineRunModel,
    String baselineJudgeModel,
    boolean otherModel,
    Boolean caseFileChanged) {

  public Comparison {
    Objects.requireNonNull(status, "status");
    cases = cases == null ? List.of() : List.copyOf(cases);
  }

  /** No baseline, and why: never a comparison with something that does not match. */
  public static Comparison noBaseline(String reason) {
    return new Comparison(
        null, ComparisonStatus.NO_BASELINE, reason, null, List.of(), null, null, null, false, null);
  }

  public static Comparison unreadable(String baseline, String detail) {
    return new Comparison(
        baseline,
        ComparisonStatus.UNREADABLE,
        detail,
        null,
        List.of(),
        null,
        null,
        null,
        false,
        null);
  }

  public List<CaseComparison> withVerdict(Verdict verdict) {
    return cases.stream().filter(c -> c.verdict() == verdict).toList();
  }

  /** Whether some case regressed on its own. */
  public boolean hasRegressions() {
    return !withVerdict(Verdict.REGRESSED).isEmpty();
  }

  /** Whether the suite as a whole regressed (sign test over the shared cases). */
  public boolean suiteRegressed() {
    return suite != null && suite.regressed();
  }

  /** What {@code --fail-on-regression} fires on: a suite regression or a case regression. */
  public boolean regressed() {
    return suiteRegressed() || hasRegressions();
  }

  /** The label every output shows for a baseline of another model, or null when it matches. */
  public String otherModelLabel() {
    if (!otherModel) {
      return null;
    }
    return "baseline of another model or judge: "
        + (baselineRunModel == null ? "unknown model" : baselineRunModel)
        + ", judge "
        + (baselineJudgeModel == null ? "off" : baselineJudgeModel);
  }

  /** The comparison of one case, or null. */
  public CaseComparison caseNamed(String id) {
    return cases.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
  }
}
