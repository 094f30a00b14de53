package dev.evals.report;

/**
 * Of a {@link Summary}: what ran.
 *
 * @param version format version
 * @param mode the mode run
 * @param createdAt ISO-8601 UTC time the run started
 * @param runs repeats per case
 * @param runModel the model under test
 * @param judgeModel the judge model, or null when the judge was off
 * @param judge "on" or a sentence saying why no judge ran
 * @param runDirectory the folder with run.json, index.jsonl and the artifacts
 */
public record SummaryHeader(
    int version,
    String mode,
    String createdAt,
    int runs,
    String runModel,
    String judgeModel,
    String judge,
    String runDirectory) {}
