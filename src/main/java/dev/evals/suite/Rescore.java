package dev.evals.suite;

import dev.evals.cases.CaseLoader;
import dev.evals.config.Secrets;
import dev.evals.files.AtomicFile;
import dev.evals.model.ModelRegistry;
import dev.evals.model.ModelSpec;
import dev.evals.model.providers.ChatModelFactory;
import dev.evals.modes.Mode;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.SessionContext;
import dev.evals.modes.catalog.Modes;
import dev.evals.report.BaselineSource;
import dev.evals.report.ProgressReporter;
import dev.evals.report.RunRebuild;
import dev.evals.report.Summary;
import dev.evals.report.TerminalReport;
import dev.evals.report.output.RunPublication;
import dev.evals.run.AttemptPipeline;
import dev.evals.run.AttemptPool;
import dev.evals.run.AttemptRecord;
import dev.evals.run.JudgeStage;
import dev.evals.run.PlannedAttempt;
import dev.evals.run.RunDirectory;
import dev.evals.run.RunLock;
import dev.evals.run.RunLog;
import dev.evals.run.RunManifest;
import dev.evals.run.SavedAnswers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code evals rescore}: scores the saved answers of an earlier run again (validators, tool
 * expectations, judge) into a new run, without calling the model under test: the attempt pipeline
 * of a run, fed by the sessions restored from the earlier run ({@link SavedAnswers}). The new run
 * is compared with the original, so a changed validator or judge shows up as case verdicts.
 */
public final class Rescore {

  private final Surroundings workspace;
  private final ModelRegistry registry;
  private final Modes modes;
  private final ChatModelFactory chatModels;

  public Rescore(
      Surroundings workspace, ModelRegistry registry, Modes modes, ChatModelFactory chatModels) {
    this.workspace = workspace;
    this.registry = registry;
    this.modes = modes;
    this.chatModels = chatModels;
  }

  /** Rescores and returns the exit code: 3 when some attempt is an execution error, else 0. */
  public int rescore(RescoreRequest request) throws IOException {
    RunDirectory original = locate(request.run());
    RunManifest manifest = RunRebuild.manifest(original);
    Mode mode = modes.get(manifest.mode());
    Path casesRoot =
        request.casesRoot() != null
            ? request.casesRoot()
            : RecordedPath.resolve(workspace.workDir(), manifest.casesRoot());
    Map<String, PreparedCase> cases =
        SuiteCases.prepare(casesRoot, mode, List.of()).stream()
            .collect(Collectors.toMap(c -> c.definition().id(), Function.identity()));
    List<AttemptRecord> records = inRunOrder(original.index().read(), manifest, cases);
    ModelSpec judge = judge(request, manifest);
    if (judge != null) {
      LocalDate today = LocalDate.ofInstant(workspace.clock().instant(), ZoneOffset.UTC);
      judge.lifecycleWarning(today).ifPresent(workspace.err()::println);
      chatModels.checkCredentials(judge);
    }
    RunManifest rescored =
        manifest.rescored(
            judge == null ? null : RunPlanner.describe(judge),
            judge == null ? null : judge.alias(),
            RecordedPath.of(workspace.workDir(), casesRoot),
            CaseFileDigest.of(new CaseLoader(casesRoot), mode.name()),
            GitRevision.of(casesRoot, workspace.environment()),
            workspace.clock().instant().toString(),
            RecordedPath.of(workspace.workDir(), original.folder()));
    RunClaim.Claimed claimed = claimTarget(request, manifest, original);
    try (RunLock lock = claimed.lock()) {
      return rescoreInto(claimed.directory(), rescored, judge, original, records, cases);
    }
  }

  /** Rescores into the claimed folder of the new run. */
  private int rescoreInto(
      RunDirectory target,
      RunManifest rescored,
      ModelSpec judge,
      RunDirectory original,
      List<AttemptRecord> records,
      Map<String, PreparedCase> cases)
      throws IOException {
    AtomicFile.writeJson(target.manifestFile(), rescored);
    JudgeStage judgeStage = JudgeStage.of(chatModels, judge, rescored);
    workspace
        .err()
        .printf(
            "Rescoring %d attempt(s) of %s with judge %s%n",
            records.size(),
            shown(original.folder()),
            judge == null ? "off" : rescored.judgeModel());
    workspace.err().flush();
    rescoreAll(records, cases, target, original, rescored, judgeStage);
    return publish(rescored, target, original);
  }

  /** The same attempt pipeline as a run's, fed by the restored sessions, one at a time. */
  private void rescoreAll(
      List<AttemptRecord> records,
      Map<String, PreparedCase> cases,
      RunDirectory target,
      RunDirectory original,
      RunManifest manifest,
      JudgeStage judge)
      throws IOException {
    ProgressReporter progress =
        new ProgressReporter(
            workspace.err(),
            workspace.terminal(),
            false,
            workspace.clock(),
            chatModels::throttleStatus);
    SavedAnswers answers =
        new SavedAnswers(
            target,
            original,
            records,
            new SessionContext(systemPrompt(manifest), null),
            registry.resolve(manifest.runModelAlias()).isReference());
    List<PlannedAttempt> attempts =
        records.stream()
            .map(record -> new PlannedAttempt(cases.get(record.caseId()), record.attempt()))
            .toList();
    new AttemptPool(pipeline(answers, judge, target), progress, 1, null).run(attempts);
    progress.finish();
  }

  /** A run's attempt pipeline whose answers are the restored ones, without a backend preview. */
  private AttemptPipeline pipeline(SavedAnswers answers, JudgeStage judge, RunDirectory target) {
    Secrets secrets = Secrets.of(workspace.environment());
    return new AttemptPipeline(
        answers,
        judge,
        null,
        false,
        target.index(),
        workspace.clock(),
        secrets,
        new RunLog(target.logFile(), workspace.clock(), secrets));
  }

  private int publish(RunManifest manifest, RunDirectory target, RunDirectory original)
      throws IOException {
    RunPublication.Published published =
        RunPublication.publish(
            manifest,
            target,
            shown(target.folder()),
            BaselineSource.explicit(original.folder(), shown(original.folder())),
            workspace.environment());
    Summary summary = published.summary();
    List<Path> written = new ArrayList<>(List.of(target.summaryFile(), target.folder()));
    written.addAll(published.reports());
    published.warnings().forEach(workspace.err()::println);
    TerminalReport.print(
        workspace.out(),
        summary,
        published.attempts(),
        written.stream().map(p -> Path.of(shown(p))).toList(),
        workspace.terminal().outColours());
    return QualityGates.exitCode(List.of(summary), null, ReportOptions.DEFAULTS, workspace.err());
  }

  private RunDirectory locate(Path given) {
    Path path = workspace.workDir().resolve(given).toAbsolutePath().normalize();
    RunDirectory directory = RunDirectory.locate(path);
    if (!Files.isRegularFile(directory.manifestFile())) {
      throw new UsageException(
          "not a run: " + given + " has no run.json (give a run folder or its summary file)");
    }
    return directory;
  }

  /** The records in the order of the run's cases, each case still in the suite. */
  private static List<AttemptRecord> inRunOrder(
      List<AttemptRecord> records, RunManifest manifest, Map<String, PreparedCase> cases) {
    for (AttemptRecord record : records) {
      if (!cases.containsKey(record.caseId())) {
        throw new UsageException(
            "case '"
                + record.caseId()
                + "' of the run is no longer in "
                + CaseLoader.caseFileName(manifest.mode())
                + "; it cannot be rescored");
      }
    }
    Comparator<AttemptRecord> order =
        Comparator.comparingInt((AttemptRecord r) -> position(manifest, r.caseId()))
            .thenComparingInt(AttemptRecord::attempt);
    return records.stream().sorted(order).toList();
  }

  private static int position(RunManifest manifest, String caseId) {
    int index = manifest.caseIds().indexOf(caseId);
    return index < 0 ? Integer.MAX_VALUE : index;
  }

  /** The judge asked for, else the original run's (none when it ran without one). */
  private ModelSpec judge(RescoreRequest request, RunManifest manifest) {
    if (request.judgeOff()) {
      return null;
    }
    if (request.judgeModel() != null) {
      return registry.resolve(request.judgeModel());
    }
    String original = manifest.judgeModelAlias();
    return original == null ? null : registry.resolve(original);
  }

  /** The new run's folder, created and locked; it never is the original's or another run's. */
  private RunClaim.Claimed claimTarget(
      RescoreRequest request, RunManifest manifest, RunDirectory original) {
    Supplier<RunDirectory> fresh =
        () ->
            RunDirectory.defaultFor(
                workspace.resultsRoot(),
                workspace.clock().instant(),
                manifest.mode(),
                manifest.runModelAlias() + "__rescored",
                workspace.random());
    RunDirectory target =
        request.output() != null
            ? RunDirectory.at(workspace.workDir().resolve(request.output()))
            : fresh.get();
    if (target.folder().equals(original.folder())) {
      throw UsageException.about(
          Setting.OUTPUT,
          ": " + shown(target.summaryFile()) + " is the run being rescored; choose a new path");
    }
    return RunClaim.claim(
        workspace, target, request.output() == null ? null : Setting.OUTPUT, fresh);
  }

  private String systemPrompt(RunManifest manifest) throws IOException {
    if (manifest.systemPrompt() == null) {
      return null;
    }
    Path file = RecordedPath.resolve(workspace.workDir(), manifest.systemPrompt());
    return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
  }

  private String shown(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path base = workspace.workDir().toAbsolutePath().normalize();
    return (absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString();
  }
}
