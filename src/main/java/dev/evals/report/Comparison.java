package dev.evals.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * A run against its baseline; a missing or unreadable baseline is a status, never a failure.
 *
 * @param baseline where the baseline came from (a path), or null when there is none
 * @param status ok, no_baseline or unreadable
 * @param detail why the baseline was unreadable, or null
 * @param passRateDelta this run's pass rate minus the baseline's, or null unless ok
 * @param cases per-case verdicts, empty unless ok
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Comparison(
    String baseline,
    ComparisonStatus status,
    String detail,
    Double passRateDelta,
    List<CaseComparison> cases) {

  public Comparison {
    Objects.requireNonNull(status, "status");
    cases = List.copyOf(cases);
  }

  public static Comparison noBaseline() {
    return new Comparison(null, ComparisonStatus.NO_BASELINE, null, null, List.of());
  }

  public static Comparison unreadable(String baseline, String detail) {
    return new Comparison(baseline, ComparisonStatus.UNREADABLE, detail, null, List.of());
  }

  public List<CaseComparison> withVerdict(Verdict verdict) {
    return cases.stream().filter(c -> c.verdict() == verdict).toList();
  }

  public boolean hasRegressions() {
    return !withVerdict(Verdict.REGRESSED).isEmpty();
  }

  /** The comparison of one case, or null. */
  public CaseComparison caseNamed(String id) {
    return cases.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
  }
}
