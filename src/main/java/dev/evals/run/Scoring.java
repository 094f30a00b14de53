package dev.evals.run;

import dev.evals.judge.Judgement;
import dev.evals.validate.Check;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks an attempt collects as it goes through the pipeline, and whether the infrastructure
 * (provider, judge, backend) failed on the way: then the attempt is an execution error.
 */
final class Scoring {

  private final List<Check> checks = new ArrayList<>();
  private final List<Check> toolChecks = new ArrayList<>();
  private String infrastructureError;
  private Judgement judgement;

  void add(Check check) {
    checks.add(check);
  }

  void addAll(List<Check> more) {
    checks.addAll(more);
  }

  /** Adds the checks of the case's {@code toolExpect}, remembered as such. */
  void addToolChecks(List<Check> more) {
    checks.addAll(more);
    toolChecks.addAll(more);
  }

  /** Whether every failed check is one of the case's tool expectations. */
  boolean onlyToolChecksFailed() {
    return checks.stream().filter(c -> !c.passed()).allMatch(toolChecks::contains);
  }

  void infrastructureFailed(String error) {
    if (infrastructureError == null) {
      infrastructureError = error;
    }
  }

  void judged(Judgement judgement) {
    this.judgement = judgement;
    checks.addAll(judgement.checks());
    if (judgement.isExecutionError()) {
      infrastructureFailed("judge failed: " + judgement.error());
    }
  }

  List<Check> checks() {
    return List.copyOf(checks);
  }

  Judgement judgement() {
    return judgement;
  }

  AttemptStatus status() {
    return infrastructureError == null ? AttemptStatus.OK : AttemptStatus.EXECUTION_ERROR;
  }

  boolean passed() {
    return status() == AttemptStatus.OK && checks.stream().allMatch(Check::passed);
  }

  /** The infrastructure failure, else why the run itself did not succeed, else null. */
  String error() {
    if (infrastructureError != null) {
      return infrastructureError;
    }
    return checks.stream()
        .filter(c -> !c.passed() && AttemptPipeline.LOOP_CHECKS.contains(c.name()))
        .map(Check::detail)
        .findFirst()
        .orElse(null);
  }
}
