package dev.evals.suite;

import dev.evals.model.ModelSpec;
import dev.evals.modes.Mode;
import dev.evals.modes.PreparedCase;
import dev.evals.run.RunDirectory;
import dev.evals.run.RunLock;
import dev.evals.run.RunManifest;
import dev.evals.run.SuiteRunner.PlannedAttempt;
import java.util.List;

/**
 * Everything one model's pass needs, resolved and checked before any model is called.
 *
 * @param mode the mode
 * @param model the model under test
 * @param judge the judge model, or null when the judge is off
 * @param systemPrompt a replacement system prompt, or null
 * @param cases the prepared cases of the run
 * @param attempts the attempts to run now
 * @param directory where the run is written
 * @param manifest the run's settings, as stored in run.json
 * @param fresh whether the run directory is new (run.json still to write)
 * @param lock this process's hold on the run folder, or null while a fresh run is not yet claimed
 */
public record RunPlan(
    Mode mode,
    ModelSpec model,
    ModelSpec judge,
    String systemPrompt,
    List<PreparedCase> cases,
    List<PlannedAttempt> attempts,
    RunDirectory directory,
    RunManifest manifest,
    boolean fresh,
    RunLock lock) {

  public RunPlan {
    cases = List.copyOf(cases);
    attempts = List.copyOf(attempts);
  }

  /** This plan, writing to the given folder, which this process now holds. */
  RunPlan claimed(RunDirectory claimedDirectory, RunLock claimedLock) {
    return new RunPlan(
        mode,
        model,
        judge,
        systemPrompt,
        cases,
        attempts,
        claimedDirectory,
        manifest,
        fresh,
        claimedLock);
  }
}
