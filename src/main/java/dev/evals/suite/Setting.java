package dev.evals.suite;

import java.util.Locale;

/**
 * A setting of a run, report or rescore, as the suite layer names it in its errors. How a user
 * spells one (a flag, for the command line) is the front end's business: {@link
 * UsageException#describe} renders the names.
 */
public enum Setting {
  BACKEND_VALIDATION,
  BUDGET_USD,
  CONCURRENCY,
  EXECUTION_ONLY,
  FORCE,
  JUDGE,
  JUDGE_MODEL,
  JUDGE_SAMPLES,
  JUDGE_THRESHOLD,
  MIN_CASE_PASS_RATE,
  MIN_PASS_RATE,
  MODEL_OPTION,
  OUTPUT,
  PREVIEW_TIMEOUT,
  RECORD,
  RERUN_FAILED,
  RESUME,
  RETRY_ERRORS,
  RUNS,
  SHARD,
  SYSTEM_PROMPT;

  /** The name outside any front end, e.g. {@code judge samples}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
