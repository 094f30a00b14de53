package dev.evals.suite;

import dev.evals.cases.CaseLoader;
import dev.evals.judge.Judge;
import dev.evals.judge.JudgeSettings;
import dev.evals.model.ChatModelFactory;
import dev.evals.model.ModelRegistry;
import dev.evals.model.ModelSpec;
import dev.evals.modes.Mode;
import dev.evals.modes.Modes;
import dev.evals.modes.PreparedCase;
import dev.evals.report.ModelComparison;
import dev.evals.report.Summary;
import dev.evals.run.JudgeStage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * {@code evals run}: resolves and checks everything the request names before any model is called,
 * then runs the suite once per model and returns the exit code.
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
    Mode mode = modes.get(request.mode());
    List<ModelSpec> models = resolveModels(request);
    checkBackendValidation(request);
    String systemPrompt = readSystemPrompt(request.systemPromptFile());
    List<PreparedCase> cases =
        SuiteCases.prepare(workspace.casesRoot(), mode, request.casePatterns());
    ModelSpec judgeModel = request.judgeOff() ? null : registry.resolve(judgeName(request));
    for (ModelSpec model : models) {
      if (!model.isReference()) {
        chatModels.checkCredentials(model);
      }
      if (judgeFor(model, request, judgeModel) != null) {
        chatModels.checkCredentials(judgeModel);
      }
    }
    String digest = CaseFileDigest.of(new CaseLoader(workspace.casesRoot()), mode.name());
    List<Summary> summaries = new ArrayList<>();
    for (ModelSpec model : models) {
      ModelSpec judge = judgeFor(model, request, judgeModel);
      SuiteExecution execution =
          new SuiteExecution(
              workspace, chatModels, request, mode, model, judge, systemPrompt, digest);
      summaries.add(execution.run(cases, judgeStage(judge, request, mode)));
    }
    if (summaries.size() > 1) {
      ModelComparison.print(workspace.out(), summaries);
    }
    return QualityGates.exitCode(
        summaries, request.minPassRate(), request.reports(), workspace.err());
  }

  private List<ModelSpec> resolveModels(RunRequest request) {
    List<String> names =
        request.models().isEmpty() ? List.of(ModelRegistry.DEFAULT_MODEL) : request.models();
    LinkedHashSet<ModelSpec> resolved = new LinkedHashSet<>();
    names.forEach(name -> resolved.add(registry.resolve(name)));
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

  private JudgeStage judgeStage(ModelSpec judge, RunRequest request, Mode mode) {
    if (judge == null) {
      return JudgeStage.OFF;
    }
    JudgeSettings settings =
        new JudgeSettings(
            request.judgeThreshold(),
            request.judgeSamples(),
            JudgeSettings.DEFAULT_MAX_STATE_CHARS);
    return JudgeStage.using(new Judge(chatModels.create(judge), judge, settings), mode.name());
  }

  private void checkBackendValidation(RunRequest request) {
    String choice =
        request.backendValidation() != null
            ? request.backendValidation()
            : workspace.environment().getOrDefault(BACKEND_VALIDATION_VARIABLE, "off");
    switch (choice.toLowerCase(Locale.ROOT)) {
      case "off" -> {}
      case "preview" ->
          throw new UsageException(
              "--backend-validation preview is not available in this version; use off");
      default ->
          throw new UsageException(
              "--backend-validation must be off or preview, got '" + choice + "'");
    }
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
