package dev.evals.cli;

import dev.evals.json.Mappers;
import dev.evals.model.ModelRegistry;
import dev.evals.model.ModelSpec;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code evals models}: the registered models. */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    header = "List model aliases, accepted spellings, provider and price.",
    description = {
      "Any alias or spelling works with --model, --models and --judge-model, case-insensitively.",
      "Models without an alias: anthropic:<id>, openai:<id>, gemini:<id>, deepseek:<id>,"
          + " openai-compatible:<id> (a local server such as Ollama)."
    })
final class ModelsCommand implements Callable<Integer>, ContextAware {

  private CliContext context;

  @Override
  public void useContext(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    List<ModelSpec> models = ModelRegistry.builtIn(Mappers.yaml()).all();
    PrintWriter out = context.out();
    String row = "%-24s %-24s %-10s %-28s %14s  %s%n";
    out.printf(
        Locale.ROOT, row, "ALIAS", "LABEL", "PROVIDER", "MODEL ID", "USD/M IN/OUT", "ALSO ACCEPTS");
    for (ModelSpec model : models) {
      String price =
          model.isReference()
              ? "free"
              : model.inputUsdPerMillion().stripTrailingZeros().toPlainString()
                  + "/"
                  + model.outputUsdPerMillion().stripTrailingZeros().toPlainString();
      out.printf(
          Locale.ROOT,
          row,
          model.alias() + (model.alias().equals(ModelRegistry.DEFAULT_MODEL) ? " (default)" : ""),
          model.label(),
          model.provider().id(),
          model.modelId(),
          price,
          String.join(", ", model.spellings()));
    }
    out.println();
    out.println(
        "Default judge: "
            + ModelRegistry.DEFAULT_JUDGE_MODEL
            + ". Raw ids: anthropic:<id>, openai:<id>, gemini:<id>, deepseek:<id>, openai-compatible:<id>.");
    out.flush();
    return 0;
  }
}
