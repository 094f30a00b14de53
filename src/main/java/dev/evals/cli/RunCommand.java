package dev.evals.cli;

import dev.evals.config.Environment;
import dev.evals.model.ProviderSettings;
import dev.evals.model.Sleeper;
import dev.evals.model.providers.ChatModelFactory;
import dev.evals.modes.catalog.Modes;
import dev.evals.suite.Continuation;
import dev.evals.suite.Evaluation;
import dev.evals.suite.RunRequest;
import dev.evals.suite.Surroundings;
import dev.evals.suite.UsageException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
          + " 130 interrupted (Ctrl-C), 143 terminated (SIGTERM).",
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
      names = "--shard",
      paramLabel = "<i/n|auto/n>",
      description =
          "Run only shard i of n (1-based) of the plan (every case times every repeat), for a CI"
              + " matrix; auto/n takes i from JOB_COMPLETION_INDEX (0-based). Join the shards"
              + " with 'evals merge'.")
  String shard;

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
      names = "--execution-only",
      description =
          "Windmill's execution-only run: only the model's loop must complete; no validators,"
              + " tool expectations, backend preview or judge.")
  boolean executionOnly;

  @Option(
      names = "--record",
      description = "Append one line to history/<mode>.jsonl (full-suite runs only).")
  boolean record;

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
      names = "--request-timeout",
      paramLabel = "<seconds>",
      description = "How long one provider request may take before it is retried (default: 180).")
  Integer requestTimeoutSeconds;

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
      names = "--model-option",
      paramLabel = "<key=value>",
      description =
          "A request setting of the model under test, over its models.yaml options (repeatable):"
              + " thinking=<budget>|adaptive|off, effort=<level> (anthropic),"
              + " reasoning_effort=<level> (openai), thinking_budget=<n>, thinking_level=<level>"
              + " (gemini), temperature=<t>.")
  Map<String, String> modelOptions = new LinkedHashMap<>();

  @Option(
      names = "--no-prompt-cache",
      description = "Send no prompt-cache breakpoints (Anthropic), to measure uncached latency.")
  boolean noPromptCache;

  @Mixin JudgeOptions judge = new JudgeOptions();

  @Mixin GateOptions gates = new GateOptions();

  @Mixin ContinuationOptions continuation = new ContinuationOptions();

  @Mixin CasesDirOption casesDir = new CasesDirOption();

  @Mixin TagOptions tags = new TagOptions();

  @Mixin ModelsFileOption modelsFile = new ModelsFileOption();

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
    Surroundings workspace = context.workspace(root, dotEnvFiles);
    Environment environment = workspace.environment();
    ProviderSettings providerSettings = providerSettings();
    Evaluation run =
        new Evaluation(
            workspace,
            modelsFile.registry(context, root),
            modes(environment),
            new ChatModelFactory(environment, providerSettings));
    return run.run(request());
  }

  private ProviderSettings providerSettings() {
    if (maxRetries != null && maxRetries < 0) {
      throw new UsageException("--max-retries must be 0 or more, got " + maxRetries);
    }
    if (requestTimeoutSeconds != null && requestTimeoutSeconds < 1) {
      throw new UsageException(
          "--request-timeout must be at least 1 second, got " + requestTimeoutSeconds);
    }
    ProviderSettings defaults = ProviderSettings.defaults();
    return new ProviderSettings(
        maxRetries == null ? defaults.maxRetries() : maxRetries,
        requestTimeoutSeconds == null
            ? defaults.requestTimeout()
            : Duration.ofSeconds(requestTimeoutSeconds),
        concurrency == null ? defaults.maxConcurrency() : Math.max(1, concurrency),
        Sleeper.REAL);
  }

  private Modes modes(Environment environment) {
    try {
      return Modes.builtIn(
          guidanceDir == null ? null : context.workDir().resolve(guidanceDir),
          agentCommand,
          environment.variables());
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          (guidanceDir != null ? "--guidance-dir" : "--agent-command") + ": " + e.getMessage());
    }
  }

  private RunRequest request() {
    if (model != null && !models.isEmpty()) {
      throw new UsageException("use either --model or --models, not both");
    }
    Continuation continued = continuation.chosen();
    if (continued != null) {
      refuseChangedSettings(continued);
    }
    boolean judgeOff = judge.off(executionOnly);
    return new RunRequest(
        new RunRequest.Selection(
            mode,
            continued == null && mode != null
                ? tags.narrow(casesDir.resolve(context), mode, caseIds)
                : caseIds,
            runs == null ? 1 : runs,
            shard),
        new RunRequest.ModelChoice(
            model != null ? List.of(model) : models,
            modelOptions(),
            systemPrompt == null ? null : context.workDir().resolve(systemPrompt)),
        new RunRequest.JudgeChoice(judge.judgeModel, judgeOff, judge.threshold(), judge.samples()),
        new RunRequest.Gates(gates.minPassRate, gates.reportOptions(context)),
        new RunRequest.Attempts(
            concurrency,
            budgetUsd,
            backendValidation,
            previewTimeoutSeconds == null ? null : Duration.ofSeconds(previewTimeoutSeconds),
            executionOnly),
        new RunRequest.Output(output, verbose, record),
        continued,
        continuation.force);
  }

  private Map<String, String> modelOptions() {
    Map<String, String> options = new LinkedHashMap<>(modelOptions);
    if (noPromptCache) {
      options.put("prompt_cache", "false");
    }
    return options;
  }

  /**
   * A continued run keeps the settings in its run.json: a case id given where the mode would be is
   * still a case id, and options that would change the stored settings are refused.
   */
  private void refuseChangedSettings(Continuation continued) {
    if (mode != null && !Modes.NAMES.contains(mode)) {
      caseIds.add(0, mode);
      mode = null;
    }
    List<String> changed = new ArrayList<>(judge.given());
    if (runs != null) {
      changed.add("--runs");
    }
    if (systemPrompt != null) {
      changed.add("--system-prompt");
    }
    if (output != null) {
      changed.add("--output");
    }
    if (casesDir.casesDir != null) {
      changed.add("--cases-dir");
    }
    if (tags.given()) {
      changed.add("--tag/--exclude-tag");
    }
    if (!modelOptions.isEmpty() || noPromptCache) {
      changed.add(modelOptions.isEmpty() ? "--no-prompt-cache" : "--model-option");
    }
    if (!changed.isEmpty()) {
      throw new UsageException(
          SettingFlag.of(continued.kind().setting())
              + " uses the settings stored in run.json; drop "
              + String.join(", ", changed));
    }
  }
}
