package dev.evals.suite;

import dev.evals.backend.BackendSettings;
import dev.evals.backend.PreflightProblem;
import dev.evals.backend.WindmillPreviewer;
import dev.evals.config.Secrets;
import dev.evals.judge.Judge;
import dev.evals.judge.JudgeSettings;
import dev.evals.model.ChatModelFactory;
import dev.evals.model.ModelRegistry;
import dev.evals.model.ModelSpec;
import dev.evals.model.Sleeper;
import dev.evals.modes.Driver;
import dev.evals.modes.Mode;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.catalog.Modes;
import dev.evals.report.ModelComparison;
import dev.evals.report.Summary;
import dev.evals.run.JudgeStage;
import dev.evals.run.RunManifest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * {@code evals run}: resolves and checks everything the request names before any model is called,
 * then runs the suite once per model (or continues an earlier run) and returns the exit code.
 */
public final class EvalRun {

  static final String BACKEND_VALIDATION_VARIABLE = "WMILL_AI_EVAL_BACKEND_VALIDATION";

  private final Workspace workspace;
  private final ModelRegistry registry;
  private final Modes modes;
  private final ChatModelFactory chatModels;

  public EvalRun(
      Workspace workspace, ModelRegistry registry, Modes modes, ChatModelFactory chatModels) {
    this.workspace = workspace;
    this.registry = registry;
    this.modes = modes;
    this.chatModels = chatModels;
  }

  public int run(RunRequest request) throws IOException {
    FreshRuns fresh = null;
    List<RunPlan> plans;
    if (request.continuation() != null) {
      plans = List.of(new ContinuationPlanner(workspace, registry, modes).plan(request));
    } else {
      Mode mode = modes.get(request.mode());
      fresh = new FreshRuns(workspace, request, mode, backendValidation(request));
      plans = freshPlans(request, mode, fresh);
    }
    List<RunPlan> held = new ArrayList<>(plans);
    try {
      WindmillPreviewer previewer = previewer(plans.get(0).manifest().backendValidation(), request);
      checkLifecycles(plans);
      for (RunPlan plan : plans) {
        checkCredentials(plan);
      }
      Optional<PreflightProblem> unusable =
          previewer == null ? Optional.empty() : previewer.preflight();
      if (unusable.isPresent()) {
        return refuse(unusable.get());
      }
      if (fresh != null) {
        held.clear();
        for (RunPlan plan : plans) {
          held.add(fresh.claim(plan));
        }
      }
      if (request.budgetUsd() != null) {
        plans.forEach(plan -> warnOfFreeModels(plan, request.budgetUsd()));
      }
      return execute(request, held, previewer);
    } finally {
      release(held);
    }
  }

  private int execute(RunRequest request, List<RunPlan> plans, WindmillPreviewer previewer)
      throws IOException {
    List<SuiteExecution.Outcome> outcomes = new ArrayList<>();
    for (RunPlan plan : plans) {
      SuiteExecution execution = new SuiteExecution(workspace, chatModels, request, previewer);
      outcomes.add(execution.run(plan, judgeStage(plan)));
    }
    List<Summary> summaries = outcomes.stream().map(SuiteExecution.Outcome::summary).toList();
    if (summaries.size() > 1) {
      ModelComparison.print(workspace.out(), summaries);
    }
    if (outcomes.stream().anyMatch(SuiteExecution.Outcome::budgetExhausted)) {
      return ExitCodes.EXECUTION_ERRORS;
    }
    return QualityGates.exitCode(
        summaries, request.minPassRate(), request.reports(), workspace.err());
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

  private List<RunPlan> freshPlans(RunRequest request, Mode mode, FreshRuns fresh)
      throws IOException {
    List<ModelSpec> models = resolveModels(request);
    models.forEach(mode::checkModel);
    String systemPrompt = readSystemPrompt(request.systemPromptFile());
    List<PreparedCase> cases =
        SuiteCases.prepare(workspace.casesRoot(), mode, request.casePatterns());
    ModelSpec judgeModel = request.judgeOff() ? null : registry.resolve(judgeName(request));
    List<RunPlan> plans = new ArrayList<>();
    for (ModelSpec model : models) {
      plans.add(fresh.plan(model, judgeFor(model, request, judgeModel), systemPrompt, cases));
    }
    return plans;
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

  private void checkCredentials(RunPlan plan) {
    plan.mode().checkModel(plan.model());
    if (!plan.model().isReference() && plan.mode().driver() instanceof Driver.ToolLoop) {
      chatModels.checkCredentials(plan.model());
    }
    if (plan.judge() != null) {
      chatModels.checkCredentials(plan.judge());
    }
  }

  private List<ModelSpec> resolveModels(RunRequest request) {
    List<String> names =
        request.models().isEmpty() ? List.of(ModelRegistry.DEFAULT_MODEL) : request.models();
    LinkedHashSet<ModelSpec> resolved = new LinkedHashSet<>();
    for (String name : names) {
      ModelSpec model = registry.resolve(name);
      if (model.isReference() && !request.modelOptions().isEmpty()) {
        throw new UsageException("--model-option: the reference model takes no options");
      }
      resolved.add(model.withOptions(request.modelOptions()));
    }
    return List.copyOf(resolved);
  }

  private static String judgeName(RunRequest request) {
    return request.judgeModel() == null ? ModelRegistry.DEFAULT_JUDGE_MODEL : request.judgeModel();
  }

  /** The reference model is judged only when a judge model is named explicitly. */
  private static ModelSpec judgeFor(ModelSpec model, RunRequest request, ModelSpec judgeModel) {
    if (judgeModel == null || model.isReference() && request.judgeModel() == null) {
      return null;
    }
    return judgeModel;
  }

  private JudgeStage judgeStage(RunPlan plan) {
    return judgeStage(chatModels, plan.judge(), plan.manifest());
  }

  /** The judge of a run with these settings, or off when there is no judge model. */
  static JudgeStage judgeStage(ChatModelFactory chatModels, ModelSpec judge, RunManifest manifest) {
    if (judge == null) {
      return JudgeStage.OFF;
    }
    JudgeSettings settings =
        new JudgeSettings(
            manifest.judgeThreshold(),
            manifest.judgeSamples(),
            JudgeSettings.DEFAULT_MAX_STATE_CHARS);
    return JudgeStage.using(new Judge(chatModels.create(judge), judge, settings), manifest.mode());
  }

  /** {@code off} or {@code preview}: the option, else the environment, else off. */
  private String backendValidation(RunRequest request) {
    String choice =
        request.backendValidation() != null
            ? request.backendValidation()
            : workspace.environment().getOrDefault(BACKEND_VALIDATION_VARIABLE, "off");
    String normalized = choice.toLowerCase(Locale.ROOT);
    if (!normalized.equals("off") && !normalized.equals("preview")) {
      throw new UsageException("--backend-validation must be off or preview, got '" + choice + "'");
    }
    return normalized;
  }

  /**
   * A Windmill that cannot be used stops the run before its first attempt: exit 2 when the settings
   * are wrong, 3 when the server is down.
   */
  private int refuse(PreflightProblem problem) {
    workspace.err().println("error: " + problem.message());
    workspace.err().flush();
    return switch (problem.cause()) {
      case SETTINGS -> ExitCodes.BAD_INPUT;
      case SERVER_DOWN -> ExitCodes.EXECUTION_ERRORS;
    };
  }

  /** The Windmill previewer when backend validation is on, else null. */
  private WindmillPreviewer previewer(String backendValidation, RunRequest request) {
    if (!"preview".equals(backendValidation)) {
      return null;
    }
    BackendSettings settings = BackendSettings.from(workspace.environment());
    if (request.previewTimeout() != null) {
      settings = settings.withPreviewTimeout(request.previewTimeout());
    }
    return new WindmillPreviewer(
        settings,
        Secrets.of(workspace.environment()),
        workspace.clock(),
        Sleeper.REAL,
        new Random(),
        notice -> {
          workspace.err().println(notice);
          workspace.err().flush();
        });
  }

  private static String readSystemPrompt(Path file) throws IOException {
    if (file == null) {
      return null;
    }
    if (!Files.isRegularFile(file)) {
      throw new UsageException("--system-prompt: no such file: " + file);
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
