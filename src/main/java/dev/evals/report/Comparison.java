package dev.evals.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
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
 * @param match what the baseline measured, against this run; its fields stand flat in {@code
 *     summary.json} after {@code suite}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Comparison(
    String baseline,
    ComparisonStatus status,
    String detail,
    Double passRateDelta,
    List<CaseComparison> cases,
    SuiteComparison suite,
    @JsonUnwrapped BaselineMatch match) {

  public Comparison {
    Objects.requireNonNull(status, "status");
    cases = cases == null ? List.of() : List.copyOf(cases);
    match = Objects.requireNonNullElse(match, BaselineMatch.UNKNOWN);
  }

  /**
   * What the baseline measured, against this run.
   *
   * @param baselineRunModel the model the baseline measured, or null when unknown or not ok
   * @param baselineJudgeModel the baseline's judge model, or null
   * @param otherModel whether the baseline measured another model or used another judge (only ever
   *     when a baseline was named explicitly)
   * @param caseFileChanged whether the baseline ran another version of the case file (its digest
   *     differs), or null when either digest is unknown
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record BaselineMatch(
      String baselineRunModel,
      String baselineJudgeModel,
      boolean otherModel,
      Boolean caseFileChanged) {
    /** Nothing known of the baseline: none, or unreadable. */
    public static final BaselineMatch UNKNOWN = new BaselineMatch(null, null, false, null);
  }

  /** No baseline, and why: never a comparison with something that does not match. */
  public static Comparison noBaseline(String reason) {
    return new Comparison(
        null, ComparisonStatus.NO_BASELINE, reason, null, List.of(), null, BaselineMatch.UNKNOWN);
  }

  public static Comparison unreadable(String baseline, String detail) {
    return new Comparison(
        baseline,
        ComparisonStatus.UNREADABLE,
        detail,
        null,
        List.of(),
        null,
        BaselineMatch.UNKNOWN);
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
    if (!otherModel()) {
      return null;
    }
    return "baseline of another model or judge: "
        + (baselineRunModel() == null ? "unknown model" : baselineRunModel())
        + ", judge "
        + (baselineJudgeModel() == null ? "off" : baselineJudgeModel());
  }

  /** The model the baseline measured, or null when unknown or not ok. */
  public String baselineRunModel() {
    return match.baselineRunModel();
  }

  /** The baseline's judge model, or null. */
  public String baselineJudgeModel() {
    return match.baselineJudgeModel();
  }

  /** Whether the baseline measured another model or used another judge. */
  public boolean otherModel() {
    return match.otherModel();
  }

  /** Whether the baseline ran another version of the case file, or null when unknown. */
  public Boolean caseFileChanged() {
    return match.caseFileChanged();
  }

  /** The comparison of one case, or null. */
  public CaseComparison caseNamed(String id) {
    return cases.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
  }
}
