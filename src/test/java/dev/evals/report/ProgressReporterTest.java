package dev.evals.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.run.AttemptStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2026-11-24T12:00:00Z");

    void advanceSeconds(long seconds) {
      now = now.plusSeconds(seconds);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final StringWriter err = new StringWriter();
  private final ManualClock clock = new ManualClock();

  @Test
  void printsOnePlainLinePerAttemptOutsideATerminal() {
    ProgressReporter progress =
        new ProgressReporter(new PrintWriter(err), false, false, clock, List::of);
    progress.runStarted(2);

    progress.attemptFinished(SummaryBuilderTest.attempt("a", 1, AttemptStatus.OK, true, 1200, 91));
    progress.attemptFinished(
        SummaryBuilderTest.attempt("b", 1, AttemptStatus.EXECUTION_ERROR, false, 80, null));

    assertThat(err.toString().lines())
        .containsExactly(
            "[1/2] PASS  a #1 1.2s judge 91", "[2/2] ERROR b #1 80ms - run succeeded: x");
  }

  @Test
  void redrawsALiveLineWithCountsEtaCostAndThrottling() {
    ProgressReporter progress =
        new ProgressReporter(
            new PrintWriter(err),
            true,
            false,
            clock,
            () -> List.of("anthropic allows 2/5 concurrent"));
    progress.runStarted(4);
    clock.advanceSeconds(10);

    progress.attemptFinished(
        SummaryBuilderTest.attempt("a", 1, AttemptStatus.OK, true, 1000, null));

    assertThat(progress.statusLine())
        .isEqualTo(
            "1/4 done, 1 passed, 0 errors, 10.0s, ETA 30.0s, $0.0100 [anthropic allows 2/5 concurrent]");
    assertThat(err.toString()).contains("\r\033[2K1/4 done");
  }

  @Test
  void prefixesVerboseLinesWithTheAttempt() {
    ProgressReporter progress =
        new ProgressReporter(new PrintWriter(err), false, true, clock, List::of);

    progress.agentEvent("flow-a", 2, "Let me look.\nSecond line");

    assertThat(err.toString().lines())
        .containsExactly("[flow-a#2] Let me look.", "[flow-a#2] Second line");
  }

  @Test
  void staysQuietAboutTheModelWithoutVerbose() {
    ProgressReporter progress =
        new ProgressReporter(new PrintWriter(err), false, false, clock, List::of);

    progress.agentEvent("flow-a", 1, "hello");

    assertThat(err.toString()).isEmpty();
  }
}
