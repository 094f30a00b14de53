package dev.evals.suite;

import dev.evals.backend.BackendSettings;
import dev.evals.backend.PreflightProblem;
import dev.evals.backend.WindmillPreviewer;
import dev.evals.config.Secrets;
import dev.evals.model.ModelRegistry;
import dev.evals.model.Sleeper;
import dev.evals.model.providers.ChatModelFactory;
import dev.evals.modes.Driver;
import dev.evals.modes.catalog.Modes;
import dev.evals.report.ModelComparison;
import dev.evals.report.Summary;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * {@code evals run}: the request is resolved once into {@link RunSettings} by the {@link
 * RunPlanner}, everything it names is checked before any model is called, then each model's {@link
 * ModelRun} goes in turn (a new run per model, or the continuation of an earlier run) and the gates
 * give the exit code.
 */
public final class Evaluation {

  private final Surroundings workspace;
  private final ModelRegistry registry;
  private final Modes modes;
  private final ChatModelFactory chatModels;

  public Evaluation(
      Surroundings workspace, ModelRegistry registry, Modes modes, ChatModelFactory chatModels) {
    this.workspace = workspace;
    this.registry = registry;
    this.modes = modes;
    this.chatModels = chatModels;
  }

  public int run(RunRequest request) throws IOException {
    RunPlanner planner = new RunPlanner(workspace, registry, modes, request);
    RunSettings settings = planner.settings();
    List<RunPlan> held = new ArrayList<>(settings.plans());
    try {
      WindmillPreviewer previewer = previewer(settings);
      checkLifecycles(settings.plans());
      for (RunPlan plan : settings.plans()) {
        checkCredentials(plan, request.judge().model() == null);
      }
      Optional<PreflightProblem> unusable =
          previewer == null ? Optional.empty() : previewer.preflight();
      if (unusable.isPresent()) {
        return refuse(unusable.get());
      }
      held.clear();
      for (RunPlan plan : settings.plans()) {
        held.add(planner.claim(plan));
      }
      if (settings.budgetUsd() != null) {
        settings.plans().forEach(plan -> warnOfFreeModels(plan, settings.budgetUsd()));
      }
      return runEach(settings.withPlans(held), previewer);
    } finally {
      release(held);
    }
  }

  private int runEach(RunSettings settings, WindmillPreviewer previewer) throws IOException {
    List<ModelRun.Outcome> outcomes = new ArrayList<>();
    for (RunPlan plan : settings.plans()) {
      outcomes.add(new ModelRun(workspace, chatModels, settings, previewer).run(plan));
    }
    List<Summary> summaries = outcomes.stream().map(ModelRun.Outcome::summary).toList();
    if (summaries.size() > 1) {
      ModelComparison.print(workspace.out(), summaries);
    }
    if (outcomes.stream().anyMatch(ModelRun.Outcome::budgetExhausted)) {
      return ExitCodes.EXECUTION_ERRORS;
    }
    return QualityGates.exitCode(
        summaries, settings.gates().minPassRate(), settings.gates().reports(), workspace.err());
  }

  private static void release(List<RunPlan> plans) throws IOException {
    for (RunPlan plan : plans) {
      if (plan.lock() != null) {
        plan.lock().close();
      }
    }
  }

  /** A budget counts priced tokens only, so a model priced at zero is never held back by it. */
  private void warnOfFreeModels(RunPlan plan, BigDecimal budget) {
    boolean modelFree = plan.model().price().isFree();
    boolean judgeFree = plan.judge() == null || plan.judge().price().isFree();
    String limit = "--budget-usd " + budget.toPlainString();
    if (modelFree && judgeFree) {
      workspace
          .err()
          .println(
              "warning: "
                  + limit
                  + " cannot apply: "
                  + plan.model().alias()
                  + (plan.judge() == null
                      ? " is priced at zero and the judge is off"
                      : " and the judge " + plan.judge().alias() + " are priced at zero")
                  + ", so nothing counts towards it");
    } else if (modelFree) {
      workspace
          .err()
          .println(
              "warning: "
                  + limit
                  + " cannot apply to "
                  + plan.model().alias()
                  + ": it is priced at zero, so only the judge's cost counts");
    }
    workspace.err().flush();
  }

  /** Refuses a retired model and warns once, on stderr, about each deprecated one. */
  private void checkLifecycles(List<RunPlan> plans) {
    LocalDate today = LocalDate.ofInstant(workspace.clock().instant(), ZoneOffset.UTC);
    LinkedHashSet<String> warnings = new LinkedHashSet<>();
    for (RunPlan plan : plans) {
      plan.model().lifecycleWarning(today).ifPresent(warnings::add);
      if (plan.judge() != null) {
        plan.judge().lifecycleWarning(today).ifPresent(warnings::add);
      }
    }
    warnings.forEach(workspace.err()::println);
    workspace.err().flush();
  }

  private void checkCredentials(RunPlan plan, boolean defaultJudge) {
    plan.mode().checkModel(plan.model());
    boolean ownKey = !plan.model().isReference() && plan.mode().driver() instanceof Driver.ToolLoop;
    KeyCheck.check(chatModels, ownKey ? plan.model() : null, plan.judge(), defaultJudge);
  }

  /**
   * A Windmill that cannot be used stops the run before its first attempt: as bad input when the
   * settings are wrong, with exit 3 when the server is down.
   */
  private int refuse(PreflightProblem problem) {
    if (problem.cause() == PreflightProblem.Cause.SETTINGS) {
      throw new UsageException(problem.message());
    }
    workspace.err().println("error: " + problem.message());
    workspace.err().flush();
    return ExitCodes.EXECUTION_ERRORS;
  }

  /** The Windmill previewer when backend validation is on, else null. */
  private WindmillPreviewer previewer(RunSettings settings) {
    if (!"preview".equals(settings.backendValidation())) {
      return null;
    }
    BackendSettings backend = BackendSettings.from(workspace.environment());
    if (settings.previewTimeout() != null) {
      backend = backend.withPreviewTimeout(settings.previewTimeout());
    }
    return new WindmillPreviewer(
        backend,
        Secrets.of(workspace.environment()),
        workspace.clock(),
        Sleeper.REAL,
        new Random(),
        notice -> {
          workspace.err().println(notice);
          workspace.err().flush();
        });
  }
}
