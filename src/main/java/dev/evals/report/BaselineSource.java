package dev.evals.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Where a run's baseline comes from: a path the user named (any model, labelled when it is
 * another), or by default the last history line of the same mode, run model, judge model and case
 * set. Whatever happens, the result is a {@link Comparison}; a missing or unreadable baseline
 * becomes its status.
 */
public final class BaselineSource {

  private final Path explicit;
  private final String label;
  private final Path historyRoot;
  private final boolean skipOwnLine;

  private BaselineSource(Path explicit, String label, Path historyRoot, boolean skipOwnLine) {
    this.explicit = explicit;
    this.label = label;
    this.historyRoot = historyRoot;
    this.skipOwnLine = skipOwnLine;
  }

  /** A summary JSON, run folder or history file named by the user, shown as {@code label}. */
  public static BaselineSource explicit(Path path, String label) {
    return new BaselineSource(path, label, null, false);
  }

  /**
   * The latest line of {@code <historyRoot>/<mode>.jsonl} with the same mode, run model, judge
   * model and case set.
   */
  public static BaselineSource history(Path historyRoot) {
    return new BaselineSource(null, null, historyRoot, false);
  }

  /**
   * As {@link #history}, but for a run that may already be recorded: lines with the run's own start
   * time are skipped, so a rebuilt report never compares a run with itself.
   */
  public static BaselineSource historyBefore(Path historyRoot) {
    return new BaselineSource(null, null, historyRoot, true);
  }

  /** A baseline already in hand, for {@code evals compare}. */
  public static Comparison against(Summary summary, Baseline baseline) {
    return BaselineComparison.compare(summary, baseline);
  }

  public Comparison compare(Summary summary) {
    if (explicit != null) {
      try {
        return BaselineComparison.compare(summary, BaselineFile.read(explicit, label));
      } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
        return Comparison.unreadable(label, describe(e));
      }
    }
    Path file = historyRoot.resolve(summary.mode() + ".jsonl");
    String shown = historyRoot.getFileName() + "/" + file.getFileName();
    try {
      HistoryBaseline.Found found =
          HistoryBaseline.latest(file, summary, skipOwnLine ? summary.createdAt() : null, shown);
      return found.baseline() == null
          ? Comparison.noBaseline(found.reason())
          : BaselineComparison.compare(summary, found.baseline());
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      return Comparison.unreadable(shown, describe(e));
    }
  }

  private static String describe(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
