package dev.evals.cli;

import dev.evals.config.Environment;
import dev.evals.model.ProviderSettings;
import dev.evals.model.providers.ChatModelFactory;
import dev.evals.modes.catalog.Modes;
import dev.evals.suite.Rescore;
import dev.evals.suite.RescoreRequest;
import dev.evals.suite.Surroundings;
import dev.evals.suite.UsageException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code evals rescore <run>}: scores a run's saved answers again, without the model. */
@Command(
    name = "rescore",
    mixinStandardHelpOptions = true,
    header =
        "Score a run's saved answers again (validators, tool expectations, judge) into a new run.",
    description = {
      "Rebuilds each attempt's final state from its artifact files and transcript.json, runs the"
          + " current validators, tool expectations and judge over it, and writes a new run that"
          + " records rescoredFrom and is compared with the original. The model under test is not"
          + " called: only the judge costs anything. Execution errors of the original are copied.",
      "Exit codes: 0 done, 2 bad input, 3 some attempts ended in an execution error.",
      "",
      "Example: evals rescore results/2026-11-24T12-00-00Z__flow__haiku --judge-model opus"
    })
final class RescoreCommand implements Callable<Integer>, ContextAware {

  @Parameters(index = "0", paramLabel = "<run dir|summary.json>", description = "The run.")
  Path run;

  @Option(
      names = "--judge",
      paramLabel = "on|off",
      description = "Turn the LLM judge off (default: the original run's judge).")
  String judge;

  @Option(
      names = "--judge-model",
      paramLabel = "<alias>",
      description = "Judge model (default: the original run's judge).")
  String judgeModel;

  @Option(
      names = "--output",
      paramLabel = "<path>",
      description =
          "Summary path (default: results/<time>__<mode>__<model>__rescored.json); artifacts go"
              + " to the sibling folder of the same name.")
  Path output;

  @Option(
      names = "--cases-dir",
      paramLabel = "<dir>",
      description = "Root holding cases/ and fixtures/ (default: the original run's).")
  Path casesDir;

  @Mixin ModelsFileOption modelsFile = new ModelsFileOption();

  private CliContext context;

  @Override
  public void useContext(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    if (judge != null && !judge.equals("on") && !judge.equals("off")) {
      throw new UsageException("--judge must be on or off, got '" + judge + "'");
    }
    Path root = casesDir == null ? null : context.workDir().resolve(casesDir).normalize();
    Path casesRoot = root == null ? context.workDir() : root;
    Surroundings workspace = context.workspace(casesRoot, List.of(casesRoot.resolve(".env")));
    Environment environment = workspace.environment();
    Rescore rescore =
        new Rescore(
            workspace,
            modelsFile.registry(context, casesRoot),
            Modes.builtIn(),
            new ChatModelFactory(environment, ProviderSettings.defaults()));
    return rescore.rescore(new RescoreRequest(run, judgeModel, "off".equals(judge), output, root));
  }
}
