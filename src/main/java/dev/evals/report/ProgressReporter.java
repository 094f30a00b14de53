package dev.evals.report;

import dev.evals.run.AttemptRecord;
import dev.evals.run.RunListener;
import dev.evals.validate.Check;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Progress on stderr: a live line redrawn in place on a terminal, or one plain line per finished
 * attempt elsewhere (CI logs). Lines of parallel attempts never interleave.
 */
public final class ProgressReporter implements RunListener {

  private final PrintWriter err;
  private final boolean liveLine;
  private final boolean verbose;
  private final Clock clock;
  private final Supplier<List<String>> throttleStatus;
  private long startMillis;
  private int total;
  private int done;
  private int passed;
  private int errors;
  private BigDecimal cost = BigDecimal.ZERO;

  public ProgressReporter(
      PrintWriter err,
      boolean liveLine,
      boolean verbose,
      Clock clock,
      Supplier<List<String>> throttleStatus) {
    this.err = err;
    this.liveLine = liveLine;
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
  public synchronized void attemptFinished(AttemptRecord record) {
    done++;
    if (record.passed()) {
      passed++;
    }
    if (record.executionError()) {
      errors++;
    }
    cost = cost.add(record.totalCostUsd());
    if (liveLine) {
      clearLine();
      if (!record.passed()) {
        err.println(describe(record));
      }
      redraw();
    } else {
      err.println("[" + done + "/" + total + "] " + describe(record));
    }
    err.flush();
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

  /** Ends the live line so the summary starts on a fresh line. */
  public synchronized void finish() {
    clearLine();
    err.flush();
  }

  static String describe(AttemptRecord record) {
    String verdict = verdict(record);
    StringBuilder line =
        new StringBuilder(verdict)
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
    if (!liveLine) {
      return;
    }
    err.print("\r\033[2K" + statusLine());
    err.flush();
  }

  private void clearLine() {
    if (liveLine) {
      err.print("\r\033[2K");
    }
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
    line.append(", $").append(cost.setScale(4, java.math.RoundingMode.HALF_UP).toPlainString());
    for (String throttled : throttleStatus.get()) {
      line.append(" [").append(throttled).append(']');
    }
    return line.toString();
  }
}
