package dev.evals.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One case against the baseline.
 *
 * @param id the case
 * @param baselinePassRate the baseline's pass rate, or null for a new case or nothing scored
 * @param passRate this run's pass rate, or null for a removed case or nothing scored
 * @param pValue two-sided Fisher exact p on (passed, failed) of both runs, or null
 * @param verdict regressed, improved, unchanged, new or removed
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CaseComparison(
    String id, Double baselinePassRate, Double passRate, Double pValue, Verdict verdict) {

  public CaseComparison {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(verdict, "verdict");
  }
}
