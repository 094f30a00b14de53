package dev.evals.suite;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the user asked {@code evals run} to do, before anything is resolved ({@link RunPlanner}
 * resolves it once into {@link RunSettings}).
 *
 * @param selection the mode, the cases and the repeats
 * @param models the models under test and what they are given
 * @param judge the judge
 * @param gates the CI gates and the baseline
 * @param attempts how the attempts run: concurrency, budget, backend preview
 * @param output where the run is written and what is printed and recorded
 * @param continuation an earlier run to continue, or null for a new run
 * @param force continue even though the case file changed
 */
public record RunRequest(
    Selection selection,
    ModelChoice models,
    JudgeChoice judge,
    Gates gates,
    Attempts attempts,
    Output output,
    Continuation continuation,
    boolean force) {

  /**
   * Which cases run, and how often.
   *
   * @param mode the mode name, or null when continuing a run
   * @param casePatterns case ids or globs; empty for the whole suite
   * @param runs repeats per case
   * @param shard {@code --shard} as given ({@code i/n} or {@code auto/n}), or null for the whole
   *     plan
   */
  public record Selection(String mode, List<String> casePatterns, int runs, String shard) {

    public Selection {
      casePatterns = List.copyOf(casePatterns);
    }
  }

  /**
   * The models under test.
   *
   * @param names model names, in run order; empty for the default model
   * @param options {@code --model-option key=value} (and {@code --no-prompt-cache}) over the
   *     registered options of each model under test
   * @param systemPromptFile a system prompt replacing the mode's own, or null
   */
  public record ModelChoice(
      List<String> names, Map<String, String> options, Path systemPromptFile) {

    public ModelChoice {
      names = List.copyOf(names);
      options = options == null ? Map.of() : Map.copyOf(options);
    }
  }

  /**
   * The judge.
   *
   * @param model the judge model name, or null for the default
   * @param off whether the judge is turned off
   * @param threshold the passing judge score
   * @param samples judge samples per attempt
   */
  public record JudgeChoice(String model, boolean off, int threshold, int samples) {}

  /**
   * The gates a finished run is held to.
   *
   * @param minPassRate the CI gate, or null
   * @param reports the baseline and the statistics gates
   */
  public record Gates(Double minPassRate, ReportOptions reports) {

    public Gates {
      reports = reports == null ? ReportOptions.DEFAULTS : reports;
    }
  }

  /**
   * How the attempts run.
   *
   * @param concurrency attempts in flight at once, or null for the mode's default (the stored one
   *     when continuing)
   * @param budgetUsd stop starting attempts once this much was spent, or null
   * @param backendValidation off or preview, or null for the environment's choice
   * @param previewTimeout how long a backend preview job may run, or null for the default
   */
  public record Attempts(
      Integer concurrency,
      BigDecimal budgetUsd,
      String backendValidation,
      Duration previewTimeout,
      boolean executionOnly) {}

  /**
   * What the run writes and prints.
   *
   * @param summary summary path, or null for the default under results/
   * @param verbose stream assistant text and tool calls
   * @param record append a history line
   */
  public record Output(Path summary, boolean verbose, boolean record) {}

  public RunRequest {
    validate(selection, judge, gates, attempts, output, continuation);
  }

  // Every check the request allows on its own, in one block; what needs the environment, the
  // registry or the files is checked while RunPlanner resolves it.
  private static void validate(
      Selection selection,
      JudgeChoice judge,
      Gates gates,
      Attempts attempts,
      Output output,
      Continuation continuation) {
    if (selection.mode() == null && continuation == null) {
      throw new UsageException("missing the mode: evals run <flow|script|app|cli> [caseIds...]");
    }
    if (selection.runs() < 1) {
      throw UsageException.about(Setting.RUNS, " must be at least 1");
    }
    if (attempts.concurrency() != null && attempts.concurrency() < 1) {
      throw UsageException.about(Setting.CONCURRENCY, " must be at least 1");
    }
    if (judge.threshold() < 0 || judge.threshold() > 100) {
      throw UsageException.about(Setting.JUDGE_THRESHOLD, " must be between 0 and 100");
    }
    if (judge.samples() < 1) {
      throw UsageException.about(Setting.JUDGE_SAMPLES, " must be at least 1");
    }
    if (gates.minPassRate() != null && (gates.minPassRate() < 0 || gates.minPassRate() > 1)) {
      throw UsageException.about(Setting.MIN_PASS_RATE, " must be between 0 and 1");
    }
    if (attempts.previewTimeout() != null
        && (attempts.previewTimeout().isNegative() || attempts.previewTimeout().isZero())) {
      throw UsageException.about(Setting.PREVIEW_TIMEOUT, " must be positive");
    }
    if (attempts.budgetUsd() != null && attempts.budgetUsd().signum() <= 0) {
      throw UsageException.about(Setting.BUDGET_USD, " must be positive");
    }
    if (output.summary() != null && !output.summary().getFileName().toString().endsWith(".json")) {
      throw UsageException.about(
          Setting.OUTPUT,
          " names the summary file and must end in .json, got '"
              + output.summary()
              + "' (artifacts go to the sibling folder of the same name)");
    }
    if (continuation != null && !selection.casePatterns().isEmpty()) {
      throw UsageException.about(
          continuation.kind().setting(),
          " continues the run's own cases; drop the case ids "
              + String.join(" ", selection.casePatterns()));
    }
    if (output.record() && attempts.executionOnly()) {
      throw UsageException.about(
          Setting.RECORD,
          " records pass rates, and an ",
          Setting.EXECUTION_ONLY,
          " run has none: only its loops were run");
    }
    if (selection.shard() != null && continuation != null) {
      throw UsageException.about(
          continuation.kind().setting(),
          " continues the shard stored in run.json; drop ",
          Setting.SHARD);
    }
    if (output.record() && selection.shard() != null) {
      throw UsageException.about(
          Setting.RECORD,
          " records whole runs, and a ",
          Setting.SHARD,
          " run is one part: record the merged run with 'evals merge --record'");
    }
    if (output.record() && !selection.casePatterns().isEmpty()) {
      throw UsageException.about(
          Setting.RECORD,
          " only records full-suite runs: drop the case ids "
              + String.join(" ", selection.casePatterns()));
    }
  }
}
