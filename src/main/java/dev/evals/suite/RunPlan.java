package dev.evals.suite;

import dev.evals.model.ModelSpec;
import dev.evals.modes.Mode;
import dev.evals.modes.PreparedCase;
import dev.evals.run.PlannedAttempt;
import dev.evals.run.RunDirectory;
import dev.evals.run.RunLock;
import dev.evals.run.RunManifest;
import java.util.List;

/**
 * Everything one model's run needs, resolved and checked before any model is called.
 *
 * @param mode the mode
 * @param model the model under test
 * @param judge the judge model, or null when the judge is off
 * @param systemPrompt a replacement system prompt, or null
 * @param cases the prepared cases of the run
 * @param attempts the attempts to run now
 * @param manifest the run's settings, as stored in run.json
 * @param folder where the run is written
 */
public record RunPlan(
    Mode mode,
    ModelSpec model,
    ModelSpec judge,
    String systemPrompt,
    List<PreparedCase> cases,
    List<PlannedAttempt> attempts,
    RunManifest manifest,
    Folder folder) {

  /**
   * Where a run is written.
   *
   * @param directory the run directory
   * @param fresh whether the run directory is new (run.json still to write)
   * @param lock this process's hold on the run folder, or null while a fresh run is not yet claimed
   */
  public record Folder(RunDirectory directory, boolean fresh, RunLock lock) {}

  public RunPlan {
    cases = List.copyOf(cases);
    attempts = List.copyOf(attempts);
  }

  RunDirectory directory() {
    return folder.directory();
  }

  boolean fresh() {
    return folder.fresh();
  }

  RunLock lock() {
    return folder.lock();
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
        manifest,
        new Folder(claimedDirectory, folder.fresh(), claimedLock));
  }
}
