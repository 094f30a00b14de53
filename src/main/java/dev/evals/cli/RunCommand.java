package dev.evals.cli;

import dev.evals.config.Environment;
import dev.evals.json.Mappers;
import dev.evals.judge.JudgeSettings;
import dev.evals.model.ChatModelFactory;
import dev.evals.model.ModelRegistry;
import dev.evals.model.ProviderSettings;
import dev.evals.model.Sleeper;
import dev.evals.modes.Modes;
import dev.evals.suite.Continuation;
import dev.evals.suite.EvalRun;
import dev.evals.suite.ReportOptions;
import dev.evals.suite.RunRequest;
import dev.evals.suite.UsageException;
import dev.evals.suite.Workspace;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code evals run <mode> [caseIds...]}: runs a suite. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    header = "Run a mode's suite (or some of its cases) against one or more models.",
    description = {
      "Each attempt drives the model through the mode's tools, runs the deterministic validators"
          + " and the judge, and is recorded the moment it ends.",
      "Exit codes: 0 done, 1 below --min-pass-rate or --min-case-pass-rate or a regression with"
          + " --fail-on-regression, 2 bad input, 3 some attempts ended in an execution error,"
          + " 130 interrupted.",
      "Writes report.html, pr-comment.md and junit.xml into the run folder.",
      "",
      "Example: evals run flow flow-single-step-celsius --model opus --runs 3"
    })
final class RunCommand implements Callable<Integer>, ContextAware {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "<mode>",
      description = "flow, script, app or cli (not needed with --resume and friends).")
  String mode;

  @Parameters(
      index = "1..*",
      paramLabel = "<caseId>",
      description = "Case ids or globs (flow-modify-*); default: the whole suite.")
  List<String> caseIds = new ArrayList<>();

  @Option(
      names = "--model",
      paramLabel = "<alias>",
      description = "Model under test (default: haiku; see 'evals models').")
  String model;

  @Option(
      names = "--models",
      split = ",",
      paramLabel = "<a,b,c>",
      description = "Several models, one after the other, then a side-by-side table.")
  List<String> models = new ArrayList<>();

  @Option(names = "--runs", paramLabel = "<n>", description = "Repeats per case (default: 1).")
  Integer runs;

  @Option(
      names = "--concurrency",
      paramLabel = "<n>",
      description = "Attempts in flight at once (default: 5).")
  Integer concurrency;

  @Option(
      names = "--output",
      paramLabel = "<path>",
      description = "Summary path; artifacts go to the sibling folder of the same name.")
  Path output;

  @Option(names = "--verbose", description = "Stream assistant text and tool calls per attempt.")
  boolean verbose;

  @Option(
      names = "--record",
      description = "Append one line to history/<mode>.jsonl (full-suite runs only).")
  boolean record;

  @Option(
      names = "--judge",
      paramLabel = "on|off",
      description = "Turn the LLM judge off (default: on, except for the reference model).")
  String judge;

  @Option(
      names = "--judge-model",
      paramLabel = "<alias>",
      description = "Judge model (default: sonnet).")
  String judgeModel;

  @Option(
      names = "--judge-threshold",
      paramLabel = "<0-100>",
      description = "Lowest passing judge score (default: 80).")
  Integer judgeThreshold;

  @Option(
      names = "--judge-samples",
      paramLabel = "<n>",
      description = "Ask the judge n times and use the median (default: 1).")
  Integer judgeSamples;

  @Option(
      names = "--min-pass-rate",
      paramLabel = "<0..1>",
      description = "Exit 1 when the pass rate is below this (CI gate).")
  Double minPassRate;

  @Option(
      names = "--backend-validation",
      paramLabel = "off|preview",
      description = "Smoke-run on Windmill (default: off, or WMILL_AI_EVAL_BACKEND_VALIDATION).")
  String backendValidation;

  @Option(
      names = "--system-prompt",
      paramLabel = "<file>",
      description = "Replace the mode's system prompt with this file.")
  Path systemPrompt;

  @Option(
      names = "--max-retries",
      paramLabel = "<n>",
      description = "Retries per provider request (default: 6).")
  Integer maxRetries;

  @Option(
      names = "--resume",
      paramLabel = "<run>",
      description = "Continue an interrupted run (its summary or folder) with its stored settings.")
  Path resume;

  @Option(
      names = "--rerun-failed",
      paramLabel = "<run>",
      description = "Run again every attempt of that run that failed or errored.")
  Path rerunFailed;

  @Option(
      names = "--retry-errors",
      paramLabel = "<run>",
      description = "Run again every attempt of that run that ended in an execution error.")
  Path retryErrors;

  @Option(names = "--force", description = "Continue a run even though its case file changed.")
  boolean force;

  @Option(
      names = "--budget-usd",
      paramLabel = "<amount>",
      description = "Start no new attempt once this invocation spent this much (model + judge).")
  BigDecimal budgetUsd;

  @Option(
      names = "--env-file",
      paramLabel = "<file>",
      description =
          "Load settings from this .env file (over the cases root's .env; real environment variables win).")
  Path envFile;

  @Option(
      names = "--preview-timeout",
      paramLabel = "<seconds>",
      description =
          "How long a backend preview job may run (default: 120, or the case's runtime.backendPreview.timeoutSeconds).")
  Integer previewTimeoutSeconds;

  @Option(
      names = "--guidance-dir",
      paramLabel = "<dir>",
      description = "cli mode: guidance (AGENTS.md, skills/) replacing the built-in one.")
  Path guidanceDir;

  @Option(
      names = "--agent-command",
      paramLabel = "<template>",
      description = "cli mode: the agent command for every model, with {prompt} and {model}.")
  String agentCommand;

  @Option(
      names = "--min-case-pass-rate",
      paramLabel = "<0..1>",
      description = "Exit 1 when some case's pass rate is below this (CI gate).")
  Double minCasePassRate;

  @Option(
      names = "--baseline",
      paramLabel = "<summary.json|run dir|history file>",
      description =
          "Compare with this run (default: the last history/<mode>.jsonl line of the same judge).")
  Path baseline;

  @Option(
      names = "--fail-on-regression",
      description = "Exit 1 when some case regressed against the baseline (Fisher p < 0.05).")
  boolean failOnRegression;

  @Mixin CasesDirOption casesDir = new CasesDirOption();

  private CliContext context;

  @Override
  public void useContext(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    Path root = casesDir.resolve(context);
    List<Path> dotEnvFiles = new ArrayList<>();
    if (envFile != null) {
      Path file = context.workDir().resolve(envFile);
      if (!java.nio.file.Files.isRegularFile(file)) {
        throw new UsageException("--env-file: no such file: " + envFile);
      }
      dotEnvFiles.add(file);
    }
    dotEnvFiles.add(root.resolve(".env"));
    Environment environment = Environment.load(context.environment(), dotEnvFiles);
    ProviderSettings defaults = ProviderSettings.defaults();
    ProviderSettings providerSettings =
        new ProviderSettings(
            maxRetries == null ? defaults.maxRetries() : maxRetries,
            defaults.requestTimeout(),
            concurrency == null ? defaults.maxConcurrency() : Math.max(1, concurrency),
            Sleeper.REAL);
    Workspace workspace =
        new Workspace(
            root,
            context.workDir(),
            environment,
            context.clock(),
            context.out(),
            context.err(),
            context.interactive());
    EvalRun run =
        new EvalRun(
            workspace,
            ModelRegistry.builtIn(Mappers.yaml()),
            modes(),
            new ChatModelFactory(environment, providerSettings));
    return run.run(request());
  }

  private Modes modes() {
    try {
      return Modes.builtIn(
          guidanceDir == null ? null : context.workDir().resolve(guidanceDir), agentCommand);
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          (guidanceDir != null ? "--guidance-dir" : "--agent-command") + ": " + e.getMessage());
    }
  }

  private RunRequest request() {
    if (model != null && !models.isEmpty()) {
      throw new UsageException("use either --model or --models, not both");
    }
    Continuation continuation = continuation();
    if (judge != null && !judge.equals("on") && !judge.equals("off")) {
      throw new UsageException("--judge must be on or off, got '" + judge + "'");
    }
    boolean judgeOff = "off".equals(judge);
    if (judgeOff && judgeModel != null) {
      throw new UsageException("--judge off and --judge-model contradict each other");
    }
    return new RunRequest(
        mode,
        caseIds,
        model != null ? List.of(model) : models,
        runs == null ? 1 : runs,
        concurrency,
        output,
        verbose,
        record,
        judgeModel,
        judgeOff,
        judgeThreshold == null ? JudgeSettings.DEFAULT_THRESHOLD : judgeThreshold,
        judgeSamples == null ? JudgeSettings.DEFAULT_SAMPLES : judgeSamples,
        minPassRate,
        backendValidation,
        systemPrompt == null ? null : context.workDir().resolve(systemPrompt),
        continuation,
        force,
        budgetUsd,
        previewTimeoutSeconds == null ? null : Duration.ofSeconds(previewTimeoutSeconds),
        new ReportOptions(
            baseline == null ? null : context.workDir().resolve(baseline),
            failOnRegression,
            minCasePassRate));
  }

  private Continuation continuation() {
    List<Continuation> given = new ArrayList<>();
    if (resume != null) {
      given.add(new Continuation(Continuation.Kind.RESUME, resume));
    }
    if (rerunFailed != null) {
      given.add(new Continuation(Continuation.Kind.RERUN_FAILED, rerunFailed));
    }
    if (retryErrors != null) {
      given.add(new Continuation(Continuation.Kind.RETRY_ERRORS, retryErrors));
    }
    if (given.size() > 1) {
      throw new UsageException("--resume, --rerun-failed and --retry-errors exclude each other");
    }
    if (given.isEmpty()) {
      return null;
    }
    Continuation continuation = given.get(0);
    if (mode != null && !Modes.NAMES.contains(mode)) {
      caseIds.add(0, mode);
      mode = null;
    }
    List<String> changed = new ArrayList<>();
    if (runs != null) changed.add("--runs");
    if (judge != null) changed.add("--judge");
    if (judgeModel != null) changed.add("--judge-model");
    if (judgeThreshold != null) changed.add("--judge-threshold");
    if (judgeSamples != null) changed.add("--judge-samples");
    if (systemPrompt != null) changed.add("--system-prompt");
    if (output != null) changed.add("--output");
    if (casesDir.casesDir != null) changed.add("--cases-dir");
    if (!changed.isEmpty()) {
      throw new UsageException(
          continuation.kind().flag()
              + " uses the settings stored in run.json; drop "
              + String.join(", ", changed));
    }
    return continuation;
  }
}
