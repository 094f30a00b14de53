package dev.evals.suite;

import dev.evals.cases.CaseLoader;
import dev.evals.config.ToolBuild;
import dev.evals.model.ModelRegistry;
import dev.evals.model.ModelSpec;
import dev.evals.modes.Mode;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.catalog.Modes;
import dev.evals.run.PlannedAttempt;
import dev.evals.run.RunDirectory;
import dev.evals.run.RunManifest;
import dev.evals.run.ShardOfPlan;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one place an {@code evals run} request is planned: it is resolved into {@link RunSettings},
 * with one run directory and manifest per model for a new run, or the attempts still to run of a
 * continued one ({@link ContinuationPlanner}); then, once the run may start, each new run's folder
 * is claimed.
 */
final class RunPlanner {

  static final String BACKEND_VALIDATION_VARIABLE = "WMILL_AI_EVAL_BACKEND_VALIDATION";

  private final Surroundings workspace;
  private final ModelRegistry registry;
  private final Modes modes;
  private final RunRequest request;

  RunPlanner(Surroundings workspace, ModelRegistry registry, Modes modes, RunRequest request) {
    this.workspace = workspace;
    this.registry = registry;
    this.modes = modes;
    this.request = request;
  }

  /** Resolves and checks the request; a continued run's folder is locked already. */
  RunSettings settings() throws IOException {
    List<RunPlan> plans =
        request.continuation() != null
            ? List.of(new ContinuationPlanner(workspace, registry, modes).plan(request))
            : freshPlans(modes.get(request.selection().mode()));
    RunRequest.Attempts attempts = request.attempts();
    RunRequest.Output output = request.output();
    return new RunSettings(
        plans,
        attempts.concurrency() != null
            ? attempts.concurrency()
            : plans.get(0).manifest().concurrency(),
        output.verbose(),
        output.record(),
        attempts.budgetUsd(),
        attempts.previewTimeout(),
        request.gates());
  }

  /** The plan with its run folder created and locked (see {@link RunClaim}), when it is new. */
  RunPlan claim(RunPlan plan) {
    if (!plan.fresh()) {
      return plan;
    }
    RunClaim.Claimed claimed =
        RunClaim.claim(
            workspace,
            plan.directory(),
            request.output().summary() == null ? null : Setting.OUTPUT,
            () -> directory(plan.mode(), plan.model()));
    return plan.claimed(claimed.directory(), claimed.lock());
  }

  private List<RunPlan> freshPlans(Mode mode) throws IOException {
    String backendValidation = backendValidation();
    List<ModelSpec> models = resolveModels();
    models.forEach(mode::checkModel);
    String systemPrompt = readSystemPrompt(request.models().systemPromptFile());
    List<PreparedCase> cases =
        SuiteCases.prepare(workspace.casesRoot(), mode, request.selection().casePatterns());
    ModelSpec judgeModel = request.judge().off() ? null : registry.resolve(judgeName());
    String digest = CaseFileDigest.of(new CaseLoader(workspace.casesRoot()), mode.name());
    String gitSha = GitRevision.of(workspace.casesRoot(), workspace.environment());
    ShardOfPlan shard = shard(mode, cases);
    List<RunPlan> plans = new ArrayList<>();
    for (ModelSpec model : models) {
      ModelSpec judge = judgeFor(model, judgeModel);
      RunManifest manifest =
          manifest(mode, model, judge, cases, new Suite(backendValidation, digest, gitSha, shard));
      plans.add(
          new RunPlan(
              mode,
              model,
              judge,
              systemPrompt,
              cases,
              planned(cases, manifest),
              manifest,
              new RunPlan.Folder(unclaimed(directory(mode, model)), true, null)));
    }
    return plans;
  }

  /** What every model's manifest of one invocation shares. */
  private record Suite(String backendValidation, String digest, String gitSha, ShardOfPlan shard) {}

  /** The shard of the whole plan {@code --shard} names, or null for a whole run. */
  private ShardOfPlan shard(Mode mode, List<PreparedCase> cases) {
    ShardChoice choice = ShardChoice.parse(request.selection().shard(), workspace.environment());
    return choice == null
        ? null
        : ShardOfPlan.of(
            choice.index(),
            choice.count(),
            mode.name(),
            cases.stream().map(c -> c.definition().id()).toList(),
            request.selection().runs());
  }

  /** The attempts the manifest plans (a shard's share, or all), in run order. */
  static List<PlannedAttempt> planned(List<PreparedCase> cases, RunManifest manifest) {
    Set<String> keys = new HashSet<>(manifest.plannedKeys());
    return PlannedAttempt.repeats(cases, manifest.runs()).stream()
        .filter(attempt -> keys.contains(attempt.key()))
        .toList();
  }

  private List<ModelSpec> resolveModels() {
    RunRequest.ModelChoice choice = request.models();
    List<String> names =
        choice.names().isEmpty() ? List.of(ModelRegistry.DEFAULT_MODEL) : choice.names();
    LinkedHashSet<ModelSpec> resolved = new LinkedHashSet<>();
    for (String name : names) {
      ModelSpec model = registry.resolve(name);
      if (model.isReference() && !choice.options().isEmpty()) {
        throw UsageException.about(Setting.MODEL_OPTION, ": the reference model takes no options");
      }
      resolved.add(model.withOptions(choice.options()));
    }
    return List.copyOf(resolved);
  }

  private String judgeName() {
    String named = request.judge().model();
    return named == null ? ModelRegistry.DEFAULT_JUDGE_MODEL : named;
  }

  /** The reference model is judged only when a judge model is named explicitly. */
  private ModelSpec judgeFor(ModelSpec model, ModelSpec judgeModel) {
    if (judgeModel == null || model.isReference() && request.judge().model() == null) {
      return null;
    }
    return judgeModel;
  }

  /** {@code off} or {@code preview}: the option, else the environment, else off. */
  private String backendValidation() {
    String option = request.attempts().backendValidation();
    String choice =
        option != null
            ? option
            : workspace.environment().getOrDefault(BACKEND_VALIDATION_VARIABLE, "off");
    String normalized = choice.toLowerCase(Locale.ROOT);
    if (!normalized.equals("off") && !normalized.equals("preview")) {
      throw UsageException.about(
          Setting.BACKEND_VALIDATION, " must be off or preview, got '" + choice + "'");
    }
    return normalized;
  }

  private static String readSystemPrompt(Path file) throws IOException {
    if (file == null) {
      return null;
    }
    if (!Files.isRegularFile(file)) {
      throw UsageException.about(Setting.SYSTEM_PROMPT, ": no such file: " + file);
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /** Refuses an {@code --output} that exists before anything else is checked or called. */
  private RunDirectory unclaimed(RunDirectory directory) {
    if (request.output().summary() != null
        && (Files.exists(directory.folder()) || Files.exists(directory.summaryFile()))) {
      RunClaim.refuseTaken(workspace, directory, Setting.OUTPUT);
    }
    return directory;
  }

  private RunDirectory directory(Mode mode, ModelSpec model) {
    Path summary = request.output().summary();
    if (summary == null) {
      return RunDirectory.defaultFor(
          workspace.resultsRoot(),
          workspace.clock().instant(),
          mode.name(),
          model.alias(),
          workspace.random());
    }
    Path output = workspace.workDir().resolve(summary);
    if (request.models().names().size() > 1) {
      String name = output.getFileName().toString().replaceFirst("\\.json$", "");
      output = output.resolveSibling(name + "__" + RunDirectory.safe(model.alias()) + ".json");
    }
    return RunDirectory.at(output);
  }

  private RunManifest manifest(
      Mode mode, ModelSpec model, ModelSpec judge, List<PreparedCase> cases, Suite suite) {
    RunRequest.Selection selection = request.selection();
    Integer concurrency = request.attempts().concurrency();
    Double minPassRate = request.gates().minPassRate();
    Path systemPromptFile = request.models().systemPromptFile();
    return new RunManifest(
        RunManifest.VERSION,
        mode.name(),
        new RunManifest.ModelChoice(describe(model), model.alias(), model.options().values()),
        new RunManifest.JudgeChoice(
            judge == null ? null : describe(judge),
            judge == null ? null : judge.alias(),
            request.judge().threshold(),
            request.judge().samples()),
        new RunManifest.Selection(
            cases.stream().map(c -> c.definition().id()).toList(),
            cases.stream()
                .filter(c -> c.definition().skipJudge())
                .map(c -> c.definition().id())
                .toList(),
            selection.casePatterns(),
            selection.runs(),
            suite.shard()),
        new RunManifest.Settings(
            concurrency != null ? concurrency : mode.defaultConcurrency(),
            suite.backendValidation(),
            minPassRate == null ? null : BigDecimal.valueOf(minPassRate),
            systemPromptFile == null
                ? null
                : RecordedPath.of(workspace.workDir(), systemPromptFile),
            request.attempts().executionOnly()),
        new RunManifest.Provenance(
            RecordedPath.of(workspace.workDir(), workspace.casesRoot()),
            suite.digest(),
            suite.gitSha(),
            workspace.clock().instant().toString(),
            null,
            ToolBuild.current().version(),
            ToolBuild.current().commit()));
  }

  static String describe(ModelSpec spec) {
    return spec.isReference()
        ? spec.alias()
        : spec.alias() + " (" + spec.provider().id() + ":" + spec.modelId() + ")";
  }
}
