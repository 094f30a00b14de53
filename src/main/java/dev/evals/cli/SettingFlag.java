package dev.evals.cli;

import dev.evals.suite.Setting;

/** The flag that sets each {@link Setting}: the command line's spelling of the suite's names. */
final class SettingFlag {

  private SettingFlag() {}

  static String of(Setting setting) {
    return switch (setting) {
      case BACKEND_VALIDATION -> "--backend-validation";
      case BUDGET_USD -> "--budget-usd";
      case CONCURRENCY -> "--concurrency";
      case EXECUTION_ONLY -> "--execution-only";
      case FORCE -> "--force";
      case JUDGE -> "--judge";
      case JUDGE_MODEL -> "--judge-model";
      case JUDGE_SAMPLES -> "--judge-samples";
      case JUDGE_THRESHOLD -> "--judge-threshold";
      case MIN_CASE_PASS_RATE -> "--min-case-pass-rate";
      case MIN_PASS_RATE -> "--min-pass-rate";
      case MODEL_OPTION -> "--model-option";
      case OUTPUT -> "--output";
      case PREVIEW_TIMEOUT -> "--preview-timeout";
      case RECORD -> "--record";
      case RERUN_FAILED -> "--rerun-failed";
      case RESUME -> "--resume";
      case RETRY_ERRORS -> "--retry-errors";
      case RUNS -> "--runs";
      case SHARD -> "--shard";
      case SYSTEM_PROMPT -> "--system-prompt";
    };
  }
}
