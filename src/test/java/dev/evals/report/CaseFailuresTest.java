package dev.evals.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.run.AttemptRecord;
import dev.evals.run.AttemptStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseFailuresTest {

  private static AttemptRecord attempt(String caseId, int n, AttemptStatus status, boolean passed) {
    return SummaryBuilderTest.attempt(caseId, n, status, passed, 10, null);
  }

  @Test
  void countsEachCaseFailedAttemptsInTheOrderTheyAreHandedOver() {
    List<CaseFailures> failures =
        CaseFailures.of(
            List.of(
                attempt("b", 1, AttemptStatus.OK, false),
                attempt("a", 1, AttemptStatus.OK, true),
                attempt("b", 2, AttemptStatus.EXECUTION_ERROR, false),
                attempt("b", 3, AttemptStatus.OK, true)));

    assertThat(failures).containsExactly(new CaseFailures("b", 2, 3, 1, 0, "run succeeded: x"));
    assertThat(failures.get(0).count()).isEqualTo("2 of 3 attempts failed (1 execution error)");
  }

  @Test
  void saysThatAnIncompleteReferenceIsNotInThePassRate() {
    List<CaseFailures> failures =
        CaseFailures.of(List.of(attempt("s", 1, AttemptStatus.INCOMPLETE_REFERENCE, false)));

    assertThat(failures.get(0).count())
        .isEqualTo("1 of 1 attempt incomplete_reference (not in the pass rate)");
  }
}
