package dev.evals.suite;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * An {@code evals run} request resolved once, before any model is called: one plan per model and
 * what every model's run of this invocation shares. Nothing in it still needs the raw request.
 *
 * @param plans one plan per model under test, in run order
 * @param concurrency attempts in flight at once
 * @param verbose stream assistant text and tool calls
 * @param record append a history line for a complete full-suite run
 * @param budgetUsd stop starting attempts once this much was spent, or null
 * @param previewTimeout how long a backend preview job may run, or null for the default
 * @param gates the CI gates and the baseline
 */
public record RunSettings(
    List<RunPlan> plans,
    int concurrency,
    boolean verbose,
    boolean record,
    BigDecimal budgetUsd,
    Duration previewTimeout,
    RunRequest.Gates gates) {

  public RunSettings {
    plans = List.copyOf(plans);
  }

  /** {@code off} or {@code preview}, as every plan of the invocation stores it. */
  String backendValidation() {
    return plans.get(0).manifest().backendValidation();
  }

  /** These settings with the plans claimed (or otherwise replaced). */
  RunSettings withPlans(List<RunPlan> replaced) {
    return new RunSettings(
        replaced, concurrency, verbose, record, budgetUsd, previewTimeout, gates);
  }
}
