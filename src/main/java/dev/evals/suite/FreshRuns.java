package dev.evals.suite;

import dev.evals.cases.CaseLoader;
import dev.evals.config.ToolBuild;
import dev.evals.model.ModelSpec;
import dev.evals.modes.Mode;
import dev.evals.modes.PreparedCase;
import dev.evals.run.RunDirectory;
import dev.evals.run.RunManifest;
import dev.evals.run.SuiteRunner;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Plans new runs: one run directory and manifest per model. */
final class FreshRuns {

  private final Workspace workspace;
  private final RunRequest request;
  private final Mode mode;
  private final String backendValidation;
  private String digest;
  private String gitSha;

  FreshRuns(Workspace workspace, RunRequest request, Mode mode, String backendValidation) {
    this.workspace = workspace;
    this.request = request;
    this.mode = mode;
    this.backendValidation = backendValidation;
  }

  /** Plans one model's run; the cases were loaded and checked already. */
  RunPlan plan(ModelSpec model, ModelSpec judge, String systemPrompt, List<PreparedCase> cases)
      throws IOException {
    if (digest == null) {
      digest = CaseFileDigest.of(new CaseLoader(workspace.casesRoot()), mode.name());
      gitSha = GitRevision.of(workspace.casesRoot(), workspace.environment());
    }
    RunManifest manifest = manifest(model, judge, cases);
    return new RunPlan(
        mode,
        model,
        judge,
        systemPrompt,
        cases,
        SuiteRunner.plan(cases, request.runs()),
        unclaimed(directory(model)),
        manifest,
        true,
        null);
  }

  /** The plan with its run folder created and locked (see {@link RunClaim}). */
  RunPlan claim(RunPlan plan) {
    RunClaim.Claimed claimed =
        RunClaim.claim(
            workspace,
            plan.directory(),
            request.output() == null ? null : Setting.OUTPUT,
            () -> directory(plan.model()));
    return plan.claimed(claimed.directory(), claimed.lock());
  }

  /** Refuses an {@code --output} that exists before anything else is checked or called. */
  private RunDirectory unclaimed(RunDirectory directory) {
    if (request.output() != null
        && (Files.exists(directory.folder()) || Files.exists(directory.summaryFile()))) {
      RunClaim.refuseTaken(workspace, directory, Setting.OUTPUT);
    }
    return directory;
  }

  private RunDirectory directory(ModelSpec model) {
    if (request.output() == null) {
      return RunDirectory.defaultFor(
          workspace.resultsRoot(),
          workspace.clock().instant(),
          mode.name(),
          model.alias(),
          workspace.random());
    }
    Path output = workspace.workDir().resolve(request.output());
    if (request.models().size() > 1) {
      String name = output.getFileName().toString().replaceFirst("\\.json$", "");
      output = output.resolveSibling(name + "__" + RunDirectory.safe(model.alias()) + ".json");
    }
    return RunDirectory.at(output);
  }

  private RunManifest manifest(ModelSpec model, ModelSpec judge, List<PreparedCase> cases) {
    return new RunManifest(
        RunManifest.VERSION,
        mode.name(),
        describe(model),
        model.alias(),
        judge == null ? null : describe(judge),
        judge == null ? null : judge.alias(),
        request.judgeThreshold(),
        request.judgeSamples(),
        cases.stream().map(c -> c.definition().id()).toList(),
        cases.stream()
            .filter(c -> c.definition().skipJudge())
            .map(c -> c.definition().id())
            .toList(),
        request.casePatterns(),
        request.runs(),
        request.concurrency() != null ? request.concurrency() : mode.defaultConcurrency(),
        backendValidation,
        request.minPassRate() == null ? null : BigDecimal.valueOf(request.minPassRate()),
        request.systemPromptFile() == null ? null : request.systemPromptFile().toString(),
        workspace.casesRoot().toAbsolutePath().normalize().toString(),
        digest,
        gitSha,
        workspace.clock().instant().toString(),
        null,
        ToolBuild.current().version(),
        ToolBuild.current().commit(),
        model.options().values());
  }

  static String describe(ModelSpec spec) {
    return spec.isReference()
        ? spec.alias()
        : spec.alias() + " (" + spec.provider().id() + ":" + spec.modelId() + ")";
  }
}
