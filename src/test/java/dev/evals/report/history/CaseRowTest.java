package dev.evals.report.history;

import static dev.evals.report.history.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CaseRowTest {

  @Test
  void aFlipIsAChangeAgainstTheSameModelsPreviousRunNotAnotherModels() {
    List<RunPoint> runs =
        List.of(
            run(1, "haiku", true),
            run(2, "opus", false),
            run(3, "haiku", true),
            run(4, "opus", true),
            run(5, "haiku", false));

    CaseRow row = CaseRow.of("case-a", runs);

    assertThat(row.states()).containsExactly("pass", "fail", "pass", "pass", "fail");
    assertThat(row.flipped()).containsExactly(false, false, false, true, true);
    assertThat(row.flips()).isEqualTo(2);
    assertThat(row.cellClass(3)).isEqualTo("pass flip");
  }

  @Test
  void aCaseARunDidNotHaveIsMissingAndNeverAFlip() {
    List<RunPoint> runs = List.of(run(1, "haiku", true, true), run(2, "haiku", false));

    CaseRow row = CaseRow.of("case-b", runs);

    assertThat(row.states()).containsExactly("pass", "missing");
    assertThat(row.flips()).isZero();
  }

  @Test
  void someButNotAllAttemptsPassingIsPartial() {
    RunPoint run =
        new RunPoint(
            1,
            "2026-11-21T04:17:00Z",
            null,
            "haiku",
            null,
            new RunPoint.Tally(2, 3, 0),
            null,
            List.of(new RunPoint.CaseResult("case-a", 2, 3)));

    assertThat(CaseRow.of("case-a", List.of(run)).states()).containsExactly("partial");
  }
}
