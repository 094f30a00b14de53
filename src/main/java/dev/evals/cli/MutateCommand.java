package dev.evals.cli;

import dev.evals.json.Mappers;
import dev.evals.modes.Mode;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.catalog.Modes;
import dev.evals.mutation.MutationReport;
import dev.evals.mutation.MutationRun;
import dev.evals.mutation.MutationTable;
import dev.evals.suite.ExitCodes;
import dev.evals.suite.SuiteCases;
import dev.evals.suite.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code evals mutate <mode>}: how many seeded defects the deterministic checks catch. */
@Command(
    name = "mutate",
    mixinStandardHelpOptions = true,
    header = "Measure what the checks catch: play broken versions of each expected solution.",
    description = {
      "Derives seeded defects from each case's expected solution (a placeholder body, a missing"
          + " step, a wrong language, a reference to a later step, ...), plays each through the"
          + " mode's tools as a scripted model would, offline, and scores it with the"
          + " deterministic checks only (no judge, no backend preview). Each case's unmutated"
          + " answer is played first as a control and must pass. Prints a table per defect class"
          + " with every survivor and writes the same as JSON.",
      "Exit codes: 0 every structural class reaches --min-catch-rate and every control passes;"
          + " 1 otherwise; 2 bad input or a mode that does not derive defects (app, cli).",
      "",
      "Example: evals mutate flow --classes placeholder-code,missing-step --min-catch-rate 0.95"
    })
final class MutateCommand implements Callable<Integer>, ContextAware {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);

  @Parameters(index = "0", paramLabel = "<mode>", description = "flow or script.")
  String mode;

  @Parameters(
      index = "1..*",
      paramLabel = "caseIds",
      description = "Case ids or globs (default: every case).")
  List<String> caseIds = new ArrayList<>();

  @Option(
      names = "--classes",
      split = ",",
      paramLabel = "<class>",
      description = "Only these defect classes (default: all).")
  List<String> classes = new ArrayList<>();

  @Option(
      names = "--min-catch-rate",
      paramLabel = "<0..1>",
      description = "Floor for every structural class (default: ${DEFAULT-VALUE}).",
      defaultValue = "0.9")
  double minCatchRate;

  @Option(
      names = "--output",
      paramLabel = "<path>",
      description = "JSON report (default: results/<time>__<mode>__mutate.json).")
  Path output;

  @Mixin CasesDirOption casesDir = new CasesDirOption();

  private CliContext context;

  @Override
  public void useContext(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    Mode chosen = Modes.builtIn().get(mode);
    if (!chosen.mutates()) {
      throw new UsageException(
          "mutate " + mode + " is not supported: only flow and script modes derive defects");
    }
    if (minCatchRate < 0 || minCatchRate > 1) {
      throw new UsageException("--min-catch-rate must be between 0 and 1, got " + minCatchRate);
    }
    List<PreparedCase> cases = SuiteCases.prepare(casesDir.resolve(context), chosen, caseIds);
    Set<String> wanted = new LinkedHashSet<>(classes);
    MutationReport report = MutationRun.run(mode, cases, wanted, minCatchRate);
    Set<String> unknown = new LinkedHashSet<>(wanted);
    report.classes().forEach(c -> unknown.remove(c.name()));
    if (!unknown.isEmpty() && report.classes().isEmpty()) {
      throw new UsageException(
          "--classes: no defect of class " + String.join(", ", unknown) + " in these cases");
    }
    Path file = output != null ? context.workDir().resolve(output) : defaultOutput();
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, Mappers.json().writeValueAsString(report) + "\n");
    MutationTable.print(context.out(), report);
    context.out().println("Written: " + file);
    context.out().flush();
    return report.meetsFloor() ? ExitCodes.DONE : ExitCodes.BELOW_MIN_PASS_RATE;
  }

  private Path defaultOutput() {
    String stamp = STAMP.format(context.clock().instant());
    return context.workDir().resolve("results").resolve(stamp + "__" + mode + "__mutate.json");
  }
}
