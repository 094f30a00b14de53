package dev.evals.suite;

import dev.evals.config.Secrets;
import dev.evals.json.Mappers;
import dev.evals.model.ChatModelFactory;
import dev.evals.model.ModelSpec;
import dev.evals.modes.Mode;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.SessionContext;
import dev.evals.report.BaselineSource;
import dev.evals.report.History;
import dev.evals.report.HistoryLine;
import dev.evals.report.ProgressReporter;
import dev.evals.report.Summary;
import dev.evals.report.TerminalReport;
import dev.evals.report.output.RunPublication;
import dev.evals.run.AttemptExecutor;
import dev.evals.run.JudgeStage;
import dev.evals.run.ModelUnderTest;
import dev.evals.run.RunDirectory;
import dev.evals.run.RunLog;
import dev.evals.run.RunManifest;
import dev.evals.run.SuiteRunner;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One model's pass over the selected cases: run directory, attempts, summary, history. */
final class SuiteExecution {

  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final Workspace workspace;
  private final ChatModelFactory chatModels;
  private final RunRequest request;
  private final Mode mode;
  private final ModelSpec model;
  private final ModelSpec judge;
  private final String systemPrompt;
  private final String caseFileDigest;

  SuiteExecution(
      Workspace workspace,
      ChatModelFactory chatModels,
      RunRequest request,
      Mode mode,
      ModelSpec model,
      ModelSpec judge,
      String systemPrompt,
      String caseFileDigest) {
    this.workspace = workspace;
    this.chatModels = chatModels;
    this.request = request;
    this.mode = mode;
    this.model = model;
    this.judge = judge;
    this.systemPrompt = systemPrompt;
    this.caseFileDigest = caseFileDigest;
  }

  Summary run(List<PreparedCase> cases, JudgeStage judgeStage) throws IOException {
    RunDirectory directory = directory().create();
    RunManifest manifest = manifest(cases);
    Mappers.json().writeValue(directory.manifestFile().toFile(), manifest);
    Secrets secrets = Secrets.of(workspace.environment());
    ProgressReporter progress =
        new ProgressReporter(
            workspace.err(),
            workspace.interactive(),
            request.verbose(),
            workspace.clock(),
            chatModels::throttleStatus);
    AttemptExecutor executor =
        new AttemptExecutor(
            directory,
            modelUnderTest(),
            new SessionContext(systemPrompt, null),
            progress,
            workspace.clock(),
            secrets,
            new RunLog(directory.logFile(), workspace.clock(), secrets),
            judgeStage);
    SuiteRunner runner =
        new SuiteRunner(executor, directory.index(), progress, request.concurrency());
    workspace.err().println(startLine(cases, judgeStage));
    workspace.err().flush();
    Thread onInterrupt = new Thread(() -> windDown(runner, progress, manifest, directory));
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    runner.run(SuiteRunner.plan(cases, request.runs()));
    Runtime.getRuntime().removeShutdownHook(onInterrupt);
    progress.finish();
    return finish(manifest, directory);
  }

  private Summary finish(RunManifest manifest, RunDirectory directory) throws IOException {
    RunPublication.Published published = publish(manifest, directory);
    Summary summary = published.summary();
    List<Path> written = new ArrayList<>(List.of(directory.summaryFile(), directory.folder()));
    written.addAll(published.reports());
    if (request.record()) {
      written.add(new History(workspace.historyRoot()).append(HistoryLine.of(summary)));
    }
    TerminalReport.print(workspace.out(), summary, written.stream().map(this::shown).toList());
    return summary;
  }

  /** The summary, compared with the baseline, and the reports beside it. */
  private RunPublication.Published publish(RunManifest manifest, RunDirectory directory)
      throws IOException {
    Path baseline = request.reports().baseline();
    BaselineSource source =
        baseline == null
            ? BaselineSource.history(workspace.historyRoot())
            : BaselineSource.explicit(baseline, shown(baseline).toString());
    return RunPublication.publish(
        manifest, directory, shown(directory.folder()).toString(), source, workspace.environment());
  }

  /** Ctrl-C: start nothing new, let attempts in flight end, keep what finished. */
  private void windDown(
      SuiteRunner runner, ProgressReporter progress, RunManifest manifest, RunDirectory directory) {
    runner.requestStop();
    try {
      runner.awaitFinished(STOP_GRACE);
      progress.finish();
      Summary summary = publish(manifest, directory).summary();
      workspace
          .err()
          .printf(
              "%ninterrupted: %d of %d attempts finished and are kept in %s%n",
              summary.attemptCount(), summary.plannedAttemptCount(), shown(directory.folder()));
      workspace.err().flush();
    } catch (IOException | InterruptedException e) {
      workspace.err().println("interrupted: could not write the summary: " + e.getMessage());
      workspace.err().flush();
    }
  }

  private ModelUnderTest modelUnderTest() {
    return model.isReference()
        ? ModelUnderTest.reference(model)
        : ModelUnderTest.shared(model, chatModels.create(model));
  }

  private RunDirectory directory() {
    if (request.output() == null) {
      return RunDirectory.defaultFor(
          workspace.resultsRoot(), workspace.clock().instant(), mode.name(), model.alias());
    }
    Path output = workspace.workDir().resolve(request.output());
    if (request.models().size() > 1) {
      String name = output.getFileName().toString().replaceFirst("\\.json$", "");
      output =
          output.resolveSibling(
              name + "__" + model.alias().replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
    }
    return RunDirectory.at(output);
  }

  private RunManifest manifest(List<PreparedCase> cases) {
    return new RunManifest(
        RunManifest.VERSION,
        mode.name(),
        describe(model),
        model.alias(),
        judge == null ? null : describe(judge),
        request.judgeThreshold(),
        cases.stream().map(c -> c.definition().id()).toList(),
        request.casePatterns(),
        request.runs(),
        request.concurrency(),
        "off",
        request.minPassRate() == null ? null : BigDecimal.valueOf(request.minPassRate()),
        request.systemPromptFile() == null ? null : request.systemPromptFile().toString(),
        workspace.casesRoot().toString(),
        caseFileDigest,
        GitRevision.of(workspace.casesRoot(), workspace.environment()),
        workspace.clock().instant().toString());
  }

  private String startLine(List<PreparedCase> cases, JudgeStage judgeStage) {
    return String.format(
        "Running %d %s case(s) x %d run(s) with %s, judge %s, concurrency %d",
        cases.size(),
        mode.name(),
        request.runs(),
        describe(model),
        judgeStage.enabled() ? describe(judge) : "off",
        request.concurrency());
  }

  static String describe(ModelSpec spec) {
    return spec.isReference()
        ? spec.alias()
        : spec.alias() + " (" + spec.provider().id() + ":" + spec.modelId() + ")";
  }

  private Path shown(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path base = workspace.workDir().toAbsolutePath().normalize();
    return absolute.startsWith(base) ? base.relativize(absolute) : absolute;
  }
}
