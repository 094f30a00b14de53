package dev.evals.report;

/**
 * Of a {@link Summary}: how many.
 *
 * @param caseCount cases selected
 * @param plannedAttemptCount attempts planned (cases times runs)
 * @param attemptCount attempts recorded
 * @param scoredAttempts attempts that could be scored
 * @param passedAttempts attempts that passed
 * @param errorAttempts attempts that ended in an execution error
 */
public record SummaryCounts(
    int caseCount,
    int plannedAttemptCount,
    int attemptCount,
    int scoredAttempts,
    int passedAttempts,
    int errorAttempts) {}
