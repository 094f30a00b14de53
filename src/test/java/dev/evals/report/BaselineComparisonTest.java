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
            List.of(new Baseline.Counts("kept", 1, 2), new Baseline.Counts("gone", 0, 2)),
            null,
            null);

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

  @Test
  void flagsASixteenToEightDropAtOneRunAsASuiteRegressionWithItsPValue() {
    Summary before = oneRunEach(16);
    Summary after = oneRunEach(8);

    Comparison comparison = BaselineComparison.compare(after, Baseline.of(before, "base.json"));

    SuiteComparison suite = comparison.suite();
    assertThat(suite.sharedCases()).isEqualTo(18);
    assertThat(suite.casesDown()).isEqualTo(8);
    assertThat(suite.casesUp()).isZero();
    assertThat(suite.casesTied()).isEqualTo(10);
    assertThat(suite.pValue()).isCloseTo(0.0078125, within(1e-12));
    assertThat(suite.regressed()).isTrue();
    // No case can regress on its own with one attempt a side, yet the gate fires.
    assertThat(comparison.hasRegressions()).isFalse();
    assertThat(comparison.regressed()).isTrue();
    assertThat(suite.verdictLine())
        .isEqualTo("REGRESSED: 8 of 18 shared case(s) down, 0 up, 10 tied (sign test p = 0.0078)");
  }

  @Test
  void doesNotFlagAOneCaseChange() {
    Comparison comparison =
        BaselineComparison.compare(oneRunEach(15), Baseline.of(oneRunEach(16), "base.json"));

    assertThat(comparison.suite().casesDown()).isEqualTo(1);
    assertThat(comparison.suite().pValue()).isEqualTo(1.0);
    assertThat(comparison.suite().regressed()).isFalse();
    assertThat(comparison.regressed()).isFalse();
  }

  @Test
  void statesTheSmallestChangeItCouldHaveDetected() {
    SuiteComparison oneRun =
        BaselineComparison.compare(oneRunEach(15), Baseline.of(oneRunEach(16), "base.json"))
            .suite();
    Summary fourRuns = summary(List.of("a"), 4, List.of(true, true, true, true));
    SuiteComparison fewCases =
        BaselineComparison.compare(fourRuns, Baseline.of(fourRuns, "base.json")).suite();

    assertThat(oneRun.fewestCasesDownToDetect()).isEqualTo(6);
    assertThat(oneRun.smallestCasePValue()).isEqualTo(1.0);
    assertThat(oneRun.caseVerdictPossible()).isFalse();
    assertThat(oneRun.detectionLine())
        .isEqualTo(
            "Detectable: the smallest detectable suite regression is 6 of 18 case(s) down with"
                + " none up; no single case can be flagged at these runs (its smallest Fisher p is"
                + " 1.0000, raise --runs)");
    assertThat(fewCases.fewestCasesDownToDetect()).isNull();
    assertThat(fewCases.caseVerdictPossible()).isTrue();
    assertThat(fewCases.detectionLine())
        .isEqualTo(
            "Detectable: no suite change is detectable with 1 shared case(s) (the sign test needs"
                + " at least 6 moving one way); a single case can reach p = 0.0286");
  }

  @Test
  void labelsABaselineOfAnotherModel() {
    Summary mine = oneRunEach(16);
    Baseline other =
        new Baseline(
            "reference.json",
            "flow",
            null,
            Baseline.of(mine, "x").cases(),
            "reference",
            mine.casesFileDigest());

    Comparison comparison = BaselineComparison.compare(mine, other);

    assertThat(comparison.otherModel()).isTrue();
    assertThat(comparison.baselineRunModel()).isEqualTo("reference");
    assertThat(comparison.otherModelLabel())
        .isEqualTo("baseline of another model or judge: reference, judge off");
    assertThat(BaselineComparison.compare(mine, Baseline.of(mine, "x")).otherModel()).isFalse();
  }

  /** Eighteen cases run once each, the first {@code passing} of them passing. */
  static Summary oneRunEach(int passing) {
    List<String> ids = new ArrayList<>();
    List<AttemptRecord> records = new ArrayList<>();
    for (int i = 0; i < 18; i++) {
      String id = String.format("case-%02d", i);
      ids.add(id);
      records.add(attempt(id, 1, AttemptStatus.OK, i < passing, 100, null));
    }
    return SummaryBuilder.build(manifest(ids, 1, null), records, "results/run");
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
