package dev.evals.suite;

import dev.evals.cases.CaseLoader;
import dev.evals.model.ModelRegistry;
import dev.evals.model.ModelSpec;
import dev.evals.modes.Mode;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.catalog.Modes;
import dev.evals.run.AttemptRecord;
import dev.evals.run.AttemptStatus;
import dev.evals.run.PlannedAttempt;
import dev.evals.run.RunDirectory;
import dev.evals.run.RunLock;
import dev.evals.run.RunManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Plans the continuation of an earlier run from its {@code run.json} and {@code index.jsonl}: the
 * attempts that never ran, that failed, or that ended in an execution error.
 */
final class ContinuationPlanner {

  private final Surroundings workspace;
  private final ModelRegistry registry;
  private final Modes modes;

  ContinuationPlanner(Surroundings workspace, ModelRegistry registry, Modes modes) {
    this.workspace = workspace;
    this.registry = registry;
    this.modes = modes;
  }

  /**
   * Locks the run, then plans what to run in it: the lock comes first, so two continuations of one
   * run never both read the same attempts as still to run.
   */
  RunPlan plan(RunRequest request) throws IOException {
    RunDirectory directory = locate(request.continuation());
    RunLock lock = directory.lock(workspace.clock().instant());
    try {
      return plan(request, directory, lock);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  private RunPlan plan(RunRequest request, RunDirectory directory, RunLock lock)
      throws IOException {
    Continuation continuation = request.continuation();
    RunManifest manifest = directory.readManifest();
    Mode mode = modes.get(manifest.mode());
    checkSameRun(request, manifest, continuation);
    if (request.output().record() && !manifest.fullSuite()) {
      throw UsageException.about(
          Setting.RECORD,
          " only records full-suite runs, and "
              + continuation.run()
              + " ran only "
              + String.join(" ", manifest.casePatterns())
              + "; drop ",
          Setting.RECORD);
    }
    Path casesRoot = RecordedPath.resolve(workspace.workDir(), manifest.casesRoot());
    checkCasesUnchanged(request, manifest, mode, casesRoot, continuation);
    Map<String, PreparedCase> byId =
        SuiteCases.prepare(casesRoot, mode, List.of()).stream()
            .collect(Collectors.toMap(c -> c.definition().id(), Function.identity()));
    List<PreparedCase> cases =
        manifest.caseIds().stream().map(id -> caseOf(byId, id, continuation)).toList();
    List<PlannedAttempt> attempts =
        attemptsToRun(continuation.kind(), cases, manifest, directory.index().read());
    ModelSpec judge =
        manifest.judgeModelAlias() == null ? null : registry.resolve(manifest.judgeModelAlias());
    return new RunPlan(
        mode,
        registry.resolve(manifest.runModelAlias()).withOptions(manifest.modelOptions()),
        judge,
        manifest.systemPrompt() == null
            ? null
            : Files.readString(RecordedPath.resolve(workspace.workDir(), manifest.systemPrompt())),
        cases,
        attempts,
        manifest,
        new RunPlan.Folder(directory, false, lock));
  }

  static List<PlannedAttempt> attemptsToRun(
      Continuation.Kind kind,
      List<PreparedCase> cases,
      RunManifest manifest,
      List<AttemptRecord> records) {
    Map<String, AttemptRecord> newest =
        records.stream().collect(Collectors.toMap(r -> r.key().toString(), r -> r, (a, b) -> b));
    Predicate<AttemptRecord> rerun =
        switch (kind) {
          case RESUME -> record -> false;
          case RERUN_FAILED -> record -> !record.passed();
          case RETRY_ERRORS -> record -> record.status() == AttemptStatus.EXECUTION_ERROR;
        };
    return RunPlanner.planned(cases, manifest).stream()
        .filter(
            planned -> {
              AttemptRecord record = newest.get(planned.key());
              return record == null ? kind == Continuation.Kind.RESUME : rerun.test(record);
            })
        .toList();
  }

  private RunDirectory locate(Continuation continuation) {
    Path given = workspace.workDir().resolve(continuation.run()).normalize();
    RunDirectory directory = RunDirectory.locate(given);
    if (!Files.isRegularFile(directory.manifestFile())) {
      throw UsageException.about(
          continuation.kind().setting(),
          ": " + continuation.run() + " is not a run (no run.json in " + directory.folder() + ")");
    }
    return directory;
  }

  private void checkSameRun(RunRequest request, RunManifest manifest, Continuation continuation) {
    String mode = request.selection().mode();
    if (mode != null && !mode.equals(manifest.mode())) {
      throw UsageException.about(
          continuation.kind().setting(),
          " continues a " + manifest.mode() + " run; drop the mode '" + mode + "'");
    }
    for (String model : request.models().names()) {
      if (!registry
          .resolve(model)
          .alias()
          .equals(registry.resolve(manifest.runModelAlias()).alias())) {
        throw UsageException.about(
            continuation.kind().setting(),
            " continues the run of " + manifest.runModelAlias() + "; it cannot switch to " + model);
      }
    }
  }

  private void checkCasesUnchanged(
      RunRequest request,
      RunManifest manifest,
      Mode mode,
      Path casesRoot,
      Continuation continuation)
      throws IOException {
    String now = CaseFileDigest.of(new CaseLoader(casesRoot), mode.name());
    if (!now.equals(manifest.casesFileDigest()) && !request.force()) {
      throw UsageException.about(
          CaseLoader.caseFileName(mode.name()) + " changed since the run started; ",
          continuation.kind().setting(),
          " would mix two versions of the suite (add ",
          Setting.FORCE,
          " to continue anyway)");
    }
  }

  private static PreparedCase caseOf(
      Map<String, PreparedCase> byId, String id, Continuation continuation) {
    PreparedCase prepared = byId.get(id);
    if (prepared == null) {
      throw UsageException.about(
          continuation.kind().setting(), ": case '" + id + "' of the run no longer exists");
    }
    return prepared;
  }
}
