package dev.evals.suite;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the user asked {@code evals run} to do, before anything is resolved.
 *
 * @param mode the mode name, or null when continuing a run
 * @param casePatterns case ids or globs; empty for the whole suite
 * @param models model names, in run order; empty for the default model
 * @param runs repeats per case
 * @param concurrency attempts in flight at once, or null for the mode's default (the stored one
 *     when continuing)
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
 * @param continuation an earlier run to continue, or null for a new run
 * @param force continue even though the case file changed
 * @param budgetUsd stop starting attempts once this much was spent, or null
 * @param previewTimeout how long a backend preview job may run, or null for the default
 * @param reports the baseline and the statistics gates
 * @param modelOptions {@code --model-option key=value} (and {@code --no-prompt-cache}) over the
 *     registered options of each model under test
 */
public record RunRequest(
    String mode,
    List<String> casePatterns,
    List<String> models,
    int runs,
    Integer concurrency,
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
    Continuation continuation,
    boolean force,
    BigDecimal budgetUsd,
    Duration previewTimeout,
    ReportOptions reports,
    Map<String, String> modelOptions) {

  public RunRequest {
    casePatterns = List.copyOf(casePatterns);
    models = List.copyOf(models);
    if (mode == null && continuation == null) {
      throw new UsageException("missing the mode: evals run <flow|script|app|cli> [caseIds...]");
    }
    reports = reports == null ? ReportOptions.DEFAULTS : reports;
    modelOptions = modelOptions == null ? Map.of() : Map.copyOf(modelOptions);
    if (runs < 1) {
      throw UsageException.about(Setting.RUNS, " must be at least 1");
    }
    if (concurrency != null && concurrency < 1) {
      throw UsageException.about(Setting.CONCURRENCY, " must be at least 1");
    }
    if (judgeThreshold < 0 || judgeThreshold > 100) {
      throw UsageException.about(Setting.JUDGE_THRESHOLD, " must be between 0 and 100");
    }
    if (judgeSamples < 1) {
      throw UsageException.about(Setting.JUDGE_SAMPLES, " must be at least 1");
    }
    if (minPassRate != null && (minPassRate < 0 || minPassRate > 1)) {
      throw UsageException.about(Setting.MIN_PASS_RATE, " must be between 0 and 1");
    }
    if (previewTimeout != null && (previewTimeout.isNegative() || previewTimeout.isZero())) {
      throw UsageException.about(Setting.PREVIEW_TIMEOUT, " must be positive");
    }
    if (budgetUsd != null && budgetUsd.signum() <= 0) {
      throw UsageException.about(Setting.BUDGET_USD, " must be positive");
    }
    if (output != null && !output.getFileName().toString().endsWith(".json")) {
      throw UsageException.about(
          Setting.OUTPUT,
          " names the summary file and must end in .json, got '"
              + output
              + "' (artifacts go to the sibling folder of the same name)");
    }
    if (continuation != null && !casePatterns.isEmpty()) {
      throw UsageException.about(
          continuation.kind().setting(),
          " continues the run's own cases; drop the case ids " + String.join(" ", casePatterns));
    }
    if (record && !casePatterns.isEmpty()) {
      throw UsageException.about(
          Setting.RECORD,
          " only records full-suite runs: drop the case ids " + String.join(" ", casePatterns));
    }
  }
}
