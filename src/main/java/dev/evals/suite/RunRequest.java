package dev.evals.suite;

import java.nio.file.Path;
import java.util.List;

/**
 * What the user asked {@code evals run} to do, before anything is resolved.
 *
 * @param mode the mode name
 * @param casePatterns case ids or globs; empty for the whole suite
 * @param models model names, in run order; empty for the default model
 * @param runs repeats per case
 * @param concurrency attempts in flight at once
 * @param output summary path, or null for the default under results/
 * @param verbose stream assistant text and tool calls
 * @param record append a history line
 * @param judgeModel the judge model name, or null for the default
 * @param judgeOff whether the judge is turned off
 * @param judgeThreshold the passing judge score
 * @param judgeSamples judge samples per attempt
 * @param minPassRate the CI gate, or null
 * @param backendValidation off or preview, or null for the environment's choice
 * @param systemPromptFile a system prompt replacing the mode's own, or null
 * @param reports the baseline and the statistics gates
 */
public record RunRequest(
    String mode,
    List<String> casePatterns,
    List<String> models,
    int runs,
    int concurrency,
    Path output,
    boolean verbose,
    boolean record,
    String judgeModel,
    boolean judgeOff,
    int judgeThreshold,
    int judgeSamples,
    Double minPassRate,
    String backendValidation,
    Path systemPromptFile,
    ReportOptions reports) {

  public RunRequest {
    casePatterns = List.copyOf(casePatterns);
    models = List.copyOf(models);
    reports = reports == null ? ReportOptions.DEFAULTS : reports;
    if (runs < 1) {
      throw new UsageException("--runs must be at least 1");
    }
    if (concurrency < 1) {
      throw new UsageException("--concurrency must be at least 1");
    }
    if (judgeThreshold < 0 || judgeThreshold > 100) {
      throw new UsageException("--judge-threshold must be between 0 and 100");
    }
    if (judgeSamples < 1) {
      throw new UsageException("--judge-samples must be at least 1");
    }
    if (minPassRate != null && (minPassRate < 0 || minPassRate > 1)) {
      throw new UsageException("--min-pass-rate must be between 0 and 1");
    }
    if (record && !casePatterns.isEmpty()) {
      throw new UsageException(
          "--record only records full-suite runs: drop the case ids "
              + String.join(" ", casePatterns));
    }
  }
}
