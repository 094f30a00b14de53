package dev.evals.report.output;

import dev.evals.report.AttemptSource;
import dev.evals.report.Summary;

/**
 * One side of {@code evals compare}: a run's summary, its attempts handed out case by case, and the
 * label the page shows for it.
 */
public record ComparedRun(Summary summary, AttemptSource attempts, String label) {}
