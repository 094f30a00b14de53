package dev.evals.report;

/**
 * Of a {@link Summary}: means over the attempts.
 *
 * @param averageDurationMs mean attempt duration
 * @param averagePassedDurationMs mean duration of passed attempts
 * @param averageJudgeScore mean judge score, or null
 */
public record SummaryMeans(
    long averageDurationMs, long averagePassedDurationMs, Double averageJudgeScore) {}
