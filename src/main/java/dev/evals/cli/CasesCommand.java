package dev.evals.cli;

import dev.evals.cases.CaseDefinition;
import dev.evals.cases.CaseLoader;
import dev.evals.modes.Mode;
import dev.evals.modes.catalog.Modes;
import dev.evals.suite.UsageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code evals cases [mode]}: the case ids of each mode with a prompt preview. */
@Command(
    name = "cases",
    mixinStandardHelpOptions = true,
    header = "List case ids per mode with a one-line prompt preview.",
    description = {
      "Checks each case file while reading it; a case's tags are shown in brackets.",
      "",
      "Example: evals cases flow"
    })
final class CasesCommand implements Callable<Integer>, ContextAware {

  private static final int PREVIEW = 90;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "<mode>",
      description = "flow, script, app or cli.")
  String mode;

  @Mixin CasesDirOption casesDir = new CasesDirOption();

  private CliContext context;

  @Override
  public void useContext(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Path root = casesDir.resolve(context);
    Modes modes = Modes.builtIn();
    CaseLoader loader = new CaseLoader(root);
    List<Mode> listed = mode == null ? modes.all() : List.of(modes.get(mode));
    if (mode == null && listed.stream().noneMatch(m -> loader.hasCases(m.name()))) {
      throw new UsageException(
          "no case file in "
              + root.resolve("cases")
              + " (looked for "
              + String.join(
                  ", ", listed.stream().map(m -> CaseLoader.caseFileName(m.name())).toList())
              + "); pass --cases-dir <dir> for another root");
    }
    PrintWriter out = context.out();
    for (Mode each : listed) {
      if (mode == null && !loader.hasCases(each.name())) {
        continue;
      }
      List<CaseDefinition> cases = loader.load(each.name(), each.validateRuleNames());
      out.println(
          each.name()
              + " ("
              + cases.size()
              + " cases, "
              + CaseLoader.caseFileName(each.name())
              + ")");
      int width = cases.stream().mapToInt(c -> c.id().length()).max().orElse(0);
      for (CaseDefinition definition : cases) {
        out.printf(
            "  %-" + width + "s  %s%s%n",
            definition.id(),
            definition.tags().isEmpty() ? "" : "[" + String.join(", ", definition.tags()) + "] ",
            preview(definition.prompt()));
      }
    }
    out.flush();
    return 0;
  }

  static String preview(String prompt) {
    String flat = prompt.strip().replaceAll("\\s+", " ");
    return flat.length() <= PREVIEW ? flat : flat.substring(0, PREVIEW - 3) + "...";
  }
}
