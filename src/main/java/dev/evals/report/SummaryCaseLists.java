package dev.evals.report;

import java.util.List;

/**
 * Of a {@link Summary}: the cases that need a look.
 *
 * @param failedCaseIds cases with at least one failed scored attempt
 * @param erroredCaseIds cases with at least one execution error
 * @param noReferenceCaseIds cases the reference model could not answer (no expected fixture)
 * @param incompleteReferenceCaseIds cases whose expected fixture fails its own checks
 * @param judgeSkippedCaseIds cases that skip the judge ({@code skipJudge: true})
 * @param notRunAttempts planned attempts with no record ({@code caseId#n}): interrupted or stopped
 *     by the budget
 */
public record SummaryCaseLists(
    List<String> failedCaseIds,
    List<String> erroredCaseIds,
    List<String> noReferenceCaseIds,
    List<String> incompleteReferenceCaseIds,
    List<String> judgeSkippedCaseIds,
    List<String> notRunAttempts) {
  public SummaryCaseLists {
    failedCaseIds = copy(failedCaseIds);
    erroredCaseIds = copy(erroredCaseIds);
    noReferenceCaseIds = copy(noReferenceCaseIds);
    incompleteReferenceCaseIds = copy(incompleteReferenceCaseIds);
    judgeSkippedCaseIds = copy(judgeSkippedCaseIds);
    notRunAttempts = copy(notRunAttempts);
  }

  private static List<String> copy(List<String> ids) {
    return ids == null ? List.of() : List.copyOf(ids);
  }
}
