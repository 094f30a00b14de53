package dev.evals.cli;

import dev.evals.files.AtomicFile;
import dev.evals.modes.catalog.Modes;
import dev.evals.report.history.HistoryFile;
import dev.evals.report.history.HistoryPage;
import dev.evals.report.history.HistoryTable;
import dev.evals.report.history.RunPoint;
import dev.evals.suite.UsageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code evals history <mode> [--last N]}: the recorded runs of a mode as a table and a page. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    header = "Show a mode's recorded runs (history/<mode>.jsonl) and write history.html.",
    description = {
      "Prints one row per recorded run (date, commit, model, pass rate with its 95% interval,"
          + " cost) and a sparkline per model, and writes a self-contained page with the pass rate"
          + " over time per model and a case by run grid showing which cases flip.",
      "",
      "Example: evals history flow --last 20"
    })
final class HistoryCommand implements Callable<Integer>, ContextAware {

  @Parameters(index = "0", paramLabel = "<mode>", description = "flow, script, app or cli.")
  String mode;

  @Option(names = "--last", paramLabel = "<n>", description = "Only the newest n runs.")
  Integer last;

  @Option(
      names = "--html",
      paramLabel = "<file>",
      description = "Where the page goes (default: results/history/<mode>.html).")
  Path html;

  @Option(
      names = "--history-file",
      paramLabel = "<file>",
      description = "Read this file instead of history/<mode>.jsonl (a downloaded copy, say).")
  Path historyFile;

  private CliContext context;

  @Override
  public void useContext(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    Modes.builtIn().get(mode);
    if (last != null && last < 1) {
      throw new UsageException("--last must be 1 or more, got " + last);
    }
    Path file =
        context
            .workDir()
            .resolve(historyFile != null ? historyFile : Path.of("history", mode + ".jsonl"));
    if (!Files.isRegularFile(file)) {
      throw new UsageException(
          "no history file "
              + file
              + " (a full-suite run with --record appends to it: evals run "
              + mode
              + " --record)");
    }
    HistoryFile.Read read = HistoryFile.read(file);
    read.skipped().forEach(note -> context.err().println("warning: " + file + ": " + note));
    List<RunPoint> runs = read.last(last);
    PrintWriter out = context.out();
    out.println(mode + " history, " + runs.size() + " of " + read.runs().size() + " run(s):");
    if (runs.isEmpty()) {
      out.println("  (no recorded run in " + shown(file) + ")");
    } else {
      HistoryTable.print(out, runs);
    }
    Path page =
        context
            .workDir()
            .resolve(html != null ? html : Path.of("results", "history", mode + ".html"));
    if (page.getParent() != null) {
      Files.createDirectories(page.getParent());
    }
    AtomicFile.write(page, HistoryPage.render(mode, runs));
    out.println("Written:");
    out.println("  " + shown(page));
    out.flush();
    return 0;
  }

  private String shown(Path path) {
    Path base = context.workDir().toAbsolutePath().normalize();
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
  }
}
