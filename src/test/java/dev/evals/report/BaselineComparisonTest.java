package dev.evals.report;

import static dev.evals.report.SummaryBuilderTest.attempt;
import static dev.evals.report.SummaryBuilderTest.manifest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.evals.run.AttemptRecord;
import dev.evals.run.AttemptStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BaselineComparisonTest {

  @ParameterizedTest(name = "{0}/{1} then {2}/{3}: {4}")
  @CsvSource({
    "5, 5, 0, 5, regressed",
    "10, 10, 3, 10, regressed",
    "0, 5, 5, 5, improved",
    "3, 10, 10, 10, improved",
    "3, 3, 0, 3, unchanged", // p = 0.1: too few attempts to tell
    "5, 5, 4, 5, unchanged", // a drop of 20 points is not large enough
    "6, 10, 0, 10, unchanged", // significant and large, but the baseline was not reliable
    "4, 10, 10, 10, unchanged", // significant and large, but the baseline was not reliably bad
    "5, 5, 5, 5, unchanged"
  })
  void givesAVerdictOnlyForSignificantLargeChangesFromAReliableBaseline(
      int basePassed, int baseScored, int passed, int scored, String verdict) {
    CaseComparison result =
        BaselineComparison.compare(
            new Baseline.Counts("c", basePassed, baseScored), passed, scored);

    assertThat(result.verdict().wireName()).isEqualTo(verdict);
  }

  @Test
  void reportsTheFisherPValueAndBothRates() {
    CaseComparison result = BaselineComparison.compare(new Baseline.Counts("c", 5, 5), 0, 5);

    assertThat(result.pValue()).isCloseTo(0.0079365, within(1e-6));
    assertThat(result.baselinePassRate()).isEqualTo(1.0);
    assertThat(result.passRate()).isEqualTo(0.0);
  }

  @Test
  void leavesCasesWithNothingScoredUnchangedWithoutAPValue() {
    CaseComparison result = BaselineComparison.compare(new Baseline.Counts("c", 5, 5), 0, 0);

    assertThat(result.verdict()).isEqualTo(Verdict.UNCHANGED);
    assertThat(result.pValue()).isNull();
    assertThat(result.passRate()).isNull();
  }

  @Test
  void marksNewAndRemovedCasesAndTheSuiteDelta() {
    Summary summary =
        summary(List.of("kept", "added"), 2, List.of(true, true), List.of(true, false));
    Baseline baseline =
        new Baseline(
            "base.json",
            "flow",
            null,
            List.of(new Baseline.Counts("kept", 1, 2), new Baseline.Counts("gone", 0, 2)));

    Comparison comparison = BaselineComparison.compare(summary, baseline);

    assertThat(comparison.status()).isEqualTo(ComparisonStatus.OK);
    assertThat(comparison.baseline()).isEqualTo("base.json");
    assertThat(comparison.cases())
        .extracting(CaseComparison::id, CaseComparison::verdict)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("kept", Verdict.UNCHANGED),
            org.assertj.core.groups.Tuple.tuple("added", Verdict.NEW),
            org.assertj.core.groups.Tuple.tuple("gone", Verdict.REMOVED));
    assertThat(comparison.caseNamed("gone").baselinePassRate()).isEqualTo(0.0);
    assertThat(comparison.caseNamed("added").passRate()).isEqualTo(0.5);
    // 3 of 4 now against 1 of 4 before.
    assertThat(comparison.passRateDelta()).isEqualTo(0.5);
    assertThat(comparison.hasRegressions()).isFalse();
  }

  /** A summary whose cases pass or fail attempt by attempt as listed. */
  @SafeVarargs
  static Summary summary(List<String> ids, int runs, List<Boolean>... outcomes) {
    List<AttemptRecord> records = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      for (int n = 0; n < outcomes[i].size(); n++) {
        records.add(attempt(ids.get(i), n + 1, AttemptStatus.OK, outcomes[i].get(n), 100, null));
      }
    }
    return SummaryBuilder.build(manifest(ids, runs, null), records, "results/run");
  }
}
