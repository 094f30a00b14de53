package dev.evals.suite;

import dev.evals.config.Secrets;
import dev.evals.datatable.DatatableServer;
import dev.evals.files.AtomicFile;
import dev.evals.input.BadInput;
import dev.evals.model.providers.ChatModelFactory;
import dev.evals.modes.Previewer;
import dev.evals.modes.SessionContext;
import dev.evals.report.BaselineSource;
import dev.evals.report.History;
import dev.evals.report.HistoryLine;
import dev.evals.report.ProgressReporter;
import dev.evals.report.Summary;
import dev.evals.report.TerminalReport;
import dev.evals.report.output.RunPublication;
import dev.evals.run.AttemptPipeline;
import dev.evals.run.AttemptPool;
import dev.evals.run.JudgeStage;
import dev.evals.run.LoggedFailure;
import dev.evals.run.ModelAnswers;
import dev.evals.run.ModelUnderTest;
import dev.evals.run.RunDirectory;
import dev.evals.run.RunLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of one model: its pool of attempts, each through the attempt pipeline, then the summary,
 * the history line and the terminal report.
 */
final class ModelRun {

  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final Surroundings workspace;
  private final ChatModelFactory chatModels;
  private final RunSettings settings;
  private final Previewer previewer;

  /** How the run ended. */
  record Outcome(Summary summary, boolean budgetExhausted) {}

  ModelRun(
      Surroundings workspace,
      ChatModelFactory chatModels,
      RunSettings settings,
      Previewer previewer) {
    this.workspace = workspace;
    this.chatModels = chatModels;
    this.settings = settings;
    this.previewer = previewer;
  }

  /** Runs the plan; the run's datatable PostgreSQL, if an attempt started it, stops at the end. */
  Outcome run(RunPlan plan) throws IOException {
    try (DatatableServer datatables = DatatableServer.lazy()) {
      return run(plan, JudgeStage.of(chatModels, plan.judge(), plan.manifest()), datatables);
    }
  }

  private Outcome run(RunPlan plan, JudgeStage judgeStage, DatatableServer datatables)
      throws IOException {
    RunDirectory directory = plan.directory().create();
    RunLog log =
        new RunLog(directory.logFile(), workspace.clock(), Secrets.of(workspace.environment()));
    try {
      return run(plan, judgeStage, datatables, directory, log);
    } catch (IOException | RuntimeException failure) {
      if (failure instanceof BadInput) {
        throw failure;
      }
      log.failure("internal error", failure);
      throw new LoggedFailure(failure, shown(directory.logFile()));
    }
  }

  private Outcome run(
      RunPlan plan,
      JudgeStage judgeStage,
      DatatableServer datatables,
      RunDirectory directory,
      RunLog log)
      throws IOException {
    if (plan.fresh()) {
      AtomicFile.writeJson(directory.manifestFile(), plan.manifest());
    }
    ProgressReporter progress =
        new ProgressReporter(
            workspace.err(),
            workspace.terminal(),
            settings.verbose(),
            workspace.clock(),
            chatModels::throttleStatus);
    AttemptPool pool =
        new AttemptPool(
            pipeline(plan, directory, judgeStage, progress, datatables, log),
            progress,
            settings.concurrency(),
            settings.budgetUsd());
    // The handlers are in place before the start line is printed, so a signal sent by whoever saw
    // the line (a user, CI, a test) always finds them.
    AttemptPool.Result result;
    try (CtrlC ctrlC =
        CtrlC.handle(() -> stopping(pool, progress), () -> quitNow(progress, plan))) {
      Thread onInterrupt = new Thread(() -> windDown(pool, progress, plan, ctrlC));
      Runtime.getRuntime().addShutdownHook(onInterrupt);
      workspace.err().println(startLine(plan, judgeStage));
      workspace.err().flush();
      result = pool.run(plan.attempts());
      leaveShutdownTo(onInterrupt, ctrlC.attemptsEnded());
    }
    progress.finish();
    return new Outcome(finish(plan, result), result.budgetExhausted());
  }

  /** Every attempt's stages: the model under test answers, then the scoring and the record. */
  private AttemptPipeline pipeline(
      RunPlan plan,
      RunDirectory directory,
      JudgeStage judgeStage,
      ProgressReporter progress,
      DatatableServer datatables,
      RunLog log) {
    Secrets secrets = Secrets.of(workspace.environment());
    return new AttemptPipeline(
        new ModelAnswers(
            directory,
            modelUnderTest(plan),
            new SessionContext(plan.systemPrompt(), previewer, datatables),
            progress,
            secrets),
        judgeStage,
        previewer,
        plan.manifest().executionOnly(),
        directory.index().loggingTo(log),
        workspace.clock(),
        secrets,
        log);
  }

  private Summary finish(RunPlan plan, AttemptPool.Result result) throws IOException {
    RunDirectory directory = plan.directory();
    RunPublication.Published published = publish(plan);
    published.warnings().forEach(workspace.err()::println);
    Summary summary = published.summary();
    List<Path> written = new ArrayList<>(List.of(directory.summaryFile(), directory.folder()));
    written.addAll(published.reports());
    if (settings.record() && summary.complete() && plan.manifest().fullSuite()) {
      written.add(new History(workspace.historyRoot()).append(HistoryLine.of(summary)));
    }
    TerminalReport.print(
        workspace.out(),
        summary,
        published.attempts(),
        written.stream().map(this::shown).toList(),
        workspace.terminal().outColours());
    if (result.budgetExhausted()) {
      workspace
          .err()
          .printf(
              "budget of $%s reached: %d attempt(s) not started%n",
              settings.budgetUsd().toPlainString(), result.notStarted());
    }
    if (!summary.complete()) {
      printResumeHint(plan, summary);
    }
    return summary;
  }

  private void printResumeHint(RunPlan plan, Summary summary) {
    String record = settings.record() ? " --record" : "";
    workspace
        .err()
        .printf(
            "%d attempt(s) did not run%s; finish the run with:%n  ./evals run --resume %s%s%n",
            summary.notRunAttempts().size(),
            settings.record() ? " and no history line was recorded" : "",
            shown(plan.directory().summaryFile()),
            record);
    workspace.err().flush();
  }

  /** The summary, compared with the baseline, and the reports beside it. */
  private RunPublication.Published publish(RunPlan plan) throws IOException {
    RunDirectory directory = plan.directory();
    Path baseline = settings.gates().reports().baseline();
    BaselineSource source =
        baseline == null
            ? BaselineSource.history(workspace.historyRoot())
            : BaselineSource.explicit(baseline, RecordedPath.of(workspace.workDir(), baseline));
    return RunPublication.publish(
        plan.manifest(),
        directory,
        RecordedPath.of(workspace.workDir(), directory.folder()),
        source,
        workspace.environment());
  }

  /**
   * The first Ctrl-C: said at once, then the JVM's shutdown, whose hook {@link #windDown} waits for
   * the attempts in flight; a second Ctrl-C is the way out of that wait.
   */
  private void stopping(AttemptPool pool, ProgressReporter progress) {
    pool.requestStop();
    progress.stopping();
    new Thread(() -> System.exit(ExitCodes.INTERRUPTED), "ctrl-c").start();
  }

  /**
   * A second Ctrl-C: quit now. Every finished attempt is already in {@code index.jsonl}, forced to
   * disk when it ended (a line cut off mid-write is dropped on resume), so only the summary is left
   * unwritten, and {@code --resume} and {@code report} rebuild it.
   */
  private void quitNow(ProgressReporter progress, RunPlan plan) {
    progress.quitting(shown(plan.directory().folder()).toString());
    workspace
        .err()
        .printf(
            "finish the run with:%n  ./evals run --resume %s%s%n",
            shown(plan.directory().summaryFile()), settings.record() ? " --record" : "");
    workspace.err().flush();
    Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
  }

  /**
   * Ctrl-C or SIGTERM: start nothing new, let attempts in flight end, keep what finished. After a
   * Ctrl-C the wait has no limit, since a second one ends it; a SIGTERM (a CI cancel, which kills
   * soon after) waits {@link #STOP_GRACE} at most.
   */
  private void windDown(AttemptPool pool, ProgressReporter progress, RunPlan plan, CtrlC ctrlC) {
    pool.requestStop();
    try {
      if (ctrlC.wasPressed()) {
        pool.awaitFinished(Duration.ofDays(365));
      } else {
        pool.awaitFinished(STOP_GRACE);
      }
      progress.finish();
      RunPublication.Published published = publish(plan);
      published.warnings().forEach(workspace.err()::println);
      Summary summary = published.summary();
      workspace
          .err()
          .printf(
              "%ninterrupted: %d of %d attempts finished and are kept in %s%n",
              summary.attemptCount(),
              summary.plannedAttemptCount(),
              shown(plan.directory().folder()));
      printResumeHint(plan, summary);
    } catch (IOException | InterruptedException e) {
      workspace.err().println("interrupted: could not write the summary: " + e.getMessage());
      workspace.err().flush();
    }
  }

  /**
   * Removes the interrupt hook, unless the JVM is shutting down or about to (a SIGTERM, or a Ctrl-C
   * pressed while attempts ran, whose exit may not have begun yet): then the hook writes the
   * summary and this thread must not race it, so it waits for the JVM to halt.
   */
  private static void leaveShutdownTo(Thread onInterrupt, boolean ctrlCPressed) {
    if (!ctrlCPressed) {
      try {
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
        return;
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: wait below.
      }
    }
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ModelUnderTest modelUnderTest(RunPlan plan) {
    return ModelUnderTest.of(
        plan.mode().driver(), plan.model(), () -> chatModels.create(plan.model()));
  }

  private String startLine(RunPlan plan, JudgeStage judgeStage) {
    return String.format(
        "%s %d attempt(s) of %d %s case(s) with %s, judge %s, concurrency %d%s",
        plan.fresh() ? "Running" : "Continuing with",
        plan.attempts().size(),
        plan.cases().size(),
        plan.mode().name(),
        plan.manifest().runModel(),
        judgeStage.enabled() ? plan.manifest().judgeModel() : "off",
        settings.concurrency(),
        plan.manifest().executionOnly() ? ", execution only (no validators, no judge)" : "");
  }

  private Path shown(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path base = workspace.workDir().toAbsolutePath().normalize();
    return absolute.startsWith(base) ? base.relativize(absolute) : absolute;
  }
}
