package dev.evals.report;

import dev.evals.run.AttemptRecord;
import dev.evals.run.RunListener;
import dev.evals.validate.Check;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Progress on stderr: one line per finished attempt ({@code [3/18] PASS flow-a #1 1.2s}), and, when
 * stderr is a terminal, a status line pinned below them that is redrawn in place and cut to the
 * terminal's width so it never wraps. Elsewhere (CI logs, files) only the attempt lines, without
 * any escape sequence. Lines of parallel attempts never interleave.
 */
public final class ProgressReporter implements RunListener {

  private static final String CLEAR_LINE = "\r\033[2K";

  private final PrintWriter err;
  private final Terminal terminal;
  private final Colours colours;
  private final boolean verbose;
  private final Clock clock;
  private final Supplier<List<String>> throttleStatus;
  private long startMillis;
  private int total;
  private int started;
  private int done;
  private int passed;
  private int errors;
  private BigDecimal cost = BigDecimal.ZERO;

  public ProgressReporter(
      PrintWriter err,
      Terminal terminal,
      boolean verbose,
      Clock clock,
      Supplier<List<String>> throttleStatus) {
    this.err = err;
    this.terminal = terminal;
    this.colours = terminal.errColours();
    this.verbose = verbose;
    this.clock = clock;
    this.throttleStatus = throttleStatus;
  }

  @Override
  public synchronized void runStarted(int attemptCount) {
    total = attemptCount;
    startMillis = clock.millis();
    redraw();
  }

  @Override
  public synchronized void attemptStarted(String caseId, int attempt) {
    started++;
  }

  @Override
  public synchronized void attemptFinished(AttemptRecord record) {
    done++;
    if (record.passed()) {
      passed++;
    }
    if (record.executionError()) {
      errors++;
    }
    cost = cost.add(record.totalCostUsd());
    clearLine();
    err.println("[" + done + "/" + total + "] " + describe(record, colours));
    redraw();
  }

  @Override
  public synchronized void agentEvent(String caseId, int attempt, String line) {
    if (!verbose) {
      return;
    }
    clearLine();
    for (String part : line.split("\n")) {
      err.println("[" + caseId + "#" + attempt + "] " + part);
    }
    redraw();
  }

  /** The first Ctrl-C: said at once, above the status line, which stays. */
  public synchronized void stopping() {
    int inFlight = Math.max(0, started - done);
    clearLine();
    err.println(
        "stopping: "
            + inFlight
            + (inFlight == 1 ? " attempt" : " attempts")
            + " in flight will finish (Ctrl-C again to quit now)");
    redraw();
  }

  /**
   * The second Ctrl-C: the status line goes, and what is kept is said before the process ends.
   *
   * @param folder the run folder, as the user would type it
   */
  public synchronized void quitting(String folder) {
    int inFlight = Math.max(0, started - done);
    clearLine();
    err.println(
        "quitting now: "
            + done
            + " finished attempt(s) are kept in "
            + folder
            + (inFlight == 0 ? "" : "; " + inFlight + " in flight will run again"));
    err.flush();
  }

  /** Ends the status line so what follows starts on a fresh line. */
  public synchronized void finish() {
    clearLine();
    err.flush();
  }

  /** One finished attempt without colour, as a CI log shows it. */
  static String describe(AttemptRecord record) {
    return describe(record, Colours.PLAIN);
  }

  static String describe(AttemptRecord record, Colours colours) {
    StringBuilder line =
        new StringBuilder(colours.verdict(record))
            .append(' ')
            .append(record.caseId())
            .append(" #")
            .append(record.attempt())
            .append(' ')
            .append(Durations.format(Duration.ofMillis(record.durationMs())));
    if (record.judgeScore() != null) {
      line.append(" judge ").append(record.judgeScore());
    }
    List<Check> failed = record.failedChecks();
    if (!failed.isEmpty()) {
      line.append(" - ")
          .append(
              failed.stream()
                  .map(c -> c.name() + ": " + c.detail())
                  .collect(Collectors.joining("; ")));
    }
    return line.toString();
  }

  /** PASS, FAIL, ERROR, or the reference statuses NOREF and SKELETON; five characters wide. */
  static String verdict(AttemptRecord record) {
    switch (record.status()) {
      case EXECUTION_ERROR:
        return "ERROR";
      case NO_REFERENCE:
        return "NOREF";
      case INCOMPLETE_REFERENCE:
        return "SKELETON";
      default:
        return record.passed() ? "PASS " : "FAIL ";
    }
  }

  private void redraw() {
    if (terminal.errIsTerminal()) {
      err.print(CLEAR_LINE + fit(statusLine(), terminal.columns()));
    }
    err.flush();
  }

  private void clearLine() {
    if (terminal.errIsTerminal()) {
      err.print(CLEAR_LINE);
    }
  }

  /**
   * Cuts a line to one column less than the width: a character in the last column makes many
   * terminals wrap, and a wrapped status line leaves its first part in the scrollback.
   */
  static String fit(String line, int columns) {
    int room = Math.max(1, columns - 1);
    if (line.length() <= room) {
      return line;
    }
    return room == 1 ? "…" : line.substring(0, room - 1) + "…";
  }

  String statusLine() {
    long elapsed = clock.millis() - startMillis;
    StringBuilder line =
        new StringBuilder()
            .append(done)
            .append('/')
            .append(total)
            .append(" done, ")
            .append(passed)
            .append(" passed, ")
            .append(errors)
            .append(" errors, ")
            .append(Durations.format(Duration.ofMillis(elapsed)));
    if (done > 0 && done < total) {
      long eta = elapsed * (total - done) / done;
      line.append(", ETA ").append(Durations.format(Duration.ofMillis(eta)));
    }
    line.append(", $").append(cost.setScale(4, RoundingMode.HALF_UP).toPlainString());
    for (String throttled : throttleStatus.get()) {
      line.append(" [").append(throttled).append(']');
    }
    return line.toString();
  }
}
