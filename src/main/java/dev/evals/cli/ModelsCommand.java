package dev.evals.cli;

import dev.evals.model.ModelRegistry;
import dev.evals.model.ModelSpec;
import dev.evals.model.Price;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code evals models}: the registered models. */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    header = "List model aliases, accepted spellings, provider, price, lifecycle and options.",
    description = {
      "Any alias or spelling works with --model, --models and --judge-model, case-insensitively.",
      "Models without an alias: anthropic:<id>, openai:<id>, gemini:<id>, deepseek:<id>,"
          + " openai-compatible:<id> (a local server such as Ollama)."
    })
final class ModelsCommand implements Callable<Integer>, ContextAware {

  @Mixin CasesDirOption casesDir = new CasesDirOption();

  @Mixin ModelsFileOption modelsFile = new ModelsFileOption();

  private CliContext context;

  @Override
  public void useContext(CliContext context) {
    this.context = context;
  }

  private static String price(ModelSpec model) {
    if (model.isReference()) {
      return "free";
    }
    Price price = model.price();
    return plain(price.input())
        + "/"
        + plain(price.output())
        + " cache "
        + plain(price.cacheWrite())
        + "/"
        + plain(price.cacheRead());
  }

  private static String status(ModelSpec model, LocalDate today) {
    String status = model.lifecycle().describe(today);
    String replacement = model.lifecycle().replacement();
    return replacement == null || status.equals("active")
        ? status
        : status + " (use " + replacement + ")";
  }

  private static String options(ModelSpec model) {
    if (model.options().isEmpty()) {
      return "-";
    }
    List<String> pairs = new ArrayList<>();
    model.options().values().forEach((k, v) -> pairs.add(k + "=" + v));
    return String.join(" ", pairs);
  }

  private static String plain(BigDecimal usdPerMillion) {
    return usdPerMillion.stripTrailingZeros().toPlainString();
  }

  @Override
  public Integer call() {
    List<ModelSpec> models = modelsFile.registry(context, casesDir.resolve(context)).all();
    PrintWriter out = context.out();
    LocalDate today = LocalDate.ofInstant(context.clock().instant(), ZoneOffset.UTC);
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "ALIAS",
            "LABEL",
            "PROVIDER",
            "MODEL ID",
            "USD/M IN/OUT CACHE W/R",
            "STATUS",
            "OPTIONS",
            "ALSO ACCEPTS"));
    for (ModelSpec model : models) {
      rows.add(
          List.of(
              model.alias()
                  + (model.alias().equals(ModelRegistry.DEFAULT_MODEL) ? " (default)" : ""),
              model.label(),
              model.provider().id(),
              model.modelId(),
              price(model),
              status(model, today),
              options(model),
              String.join(", ", model.spellings())));
    }
    int[] widths = new int[rows.get(0).size() - 1];
    for (List<String> row : rows) {
      for (int column = 0; column < widths.length; column++) {
        widths[column] = Math.max(widths[column], row.get(column).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int column = 0; column < widths.length; column++) {
        line.append(String.format(Locale.ROOT, "%-" + widths[column] + "s  ", row.get(column)));
      }
      out.println(line.append(row.get(widths.length)).toString().stripTrailing());
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
