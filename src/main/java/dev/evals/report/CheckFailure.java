package dev.evals.report;

/**
 * How many scored attempts failed one named check.
 *
 * @param check the check's name
 * @param failedAttempts attempts that failed it
 */
public record CheckFailure(String check, int failedAttempts) {}
