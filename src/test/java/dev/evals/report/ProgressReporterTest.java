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
import java.util.function.Supplier;
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

  private static final Terminal COLOURED_80 = new Terminal(true, true, 80, true);

  private final StringWriter err = new StringWriter();
  private final ManualClock clock = new ManualClock();

  private ProgressReporter reporter(Terminal terminal, Supplier<List<String>> throttled) {
    return new ProgressReporter(new PrintWriter(err), terminal, false, clock, throttled);
  }

  @Test
  void printsOnePlainLinePerAttemptOutsideATerminal() {
    ProgressReporter progress = reporter(Terminal.NONE, List::of);
    progress.runStarted(2);

    progress.attemptFinished(SummaryBuilderTest.attempt("a", 1, AttemptStatus.OK, true, 1200, 91));
    progress.attemptFinished(
        SummaryBuilderTest.attempt("b", 1, AttemptStatus.EXECUTION_ERROR, false, 80, null));
    progress.finish();

    assertThat(err.toString())
        .isEqualTo("[1/2] PASS  a #1 1.2s judge 91\n[2/2] ERROR b #1 80ms - run succeeded: x\n")
        .doesNotContain("\r", "\033");
  }

  @Test
  void printsEachAttemptAboveAStatusLinePinnedAtTheBottomOfATerminal() {
    ProgressReporter progress = reporter(new Terminal(true, false, 80, false), List::of);
    progress.runStarted(2);
    clock.advanceSeconds(4);

    progress.attemptFinished(SummaryBuilderTest.attempt("a", 1, AttemptStatus.OK, true, 1200, 91));

    assertThat(err.toString())
        .isEqualTo(
            "\r\033[2K0/2 done, 0 passed, 0 errors, 0ms, $0.0000"
                + "\r\033[2K[1/2] PASS  a #1 1.2s judge 91\n"
                + "\r\033[2K1/2 done, 1 passed, 0 errors, 4.0s, ETA 4.0s, $0.0110");
  }

  @Test
  void redrawsALiveLineWithCountsEtaCostAndThrottling() {
    ProgressReporter progress =
        reporter(
            new Terminal(true, true, 200, false), () -> List.of("anthropic allows 2/5 concurrent"));
    progress.runStarted(4);
    clock.advanceSeconds(10);

    progress.attemptFinished(
        SummaryBuilderTest.attempt("a", 1, AttemptStatus.OK, true, 1000, null));

    assertThat(progress.statusLine())
        .isEqualTo(
            "1/4 done, 1 passed, 0 errors, 10.0s, ETA 30.0s, $0.0100 [anthropic allows 2/5 concurrent]");
    assertThat(err.toString()).endsWith("\r\033[2K" + progress.statusLine());
  }

  @Test
  void cutsTheStatusLineToTheTerminalWidthInsteadOfWrapping() {
    ProgressReporter progress =
        reporter(
            new Terminal(true, true, 40, false), () -> List.of("anthropic allows 2/5 concurrent"));
    progress.runStarted(4);

    String drawn = err.toString().substring(err.toString().lastIndexOf("\033[2K") + 4);

    assertThat(drawn).hasSize(39).isEqualTo("0/4 done, 0 passed, 0 errors, 0ms, $0.…");
  }

  @Test
  void leavesAShortStatusLineWhole() {
    assertThat(ProgressReporter.fit("1/4 done", 80)).isEqualTo("1/4 done");
    assertThat(ProgressReporter.fit("1/4 done", 9)).isEqualTo("1/4 done");
    assertThat(ProgressReporter.fit("1/4 done", 8)).isEqualTo("1/4 do…");
  }

  @Test
  void coloursTheVerdictOnATerminalThatWantsColour() {
    ProgressReporter progress = reporter(COLOURED_80, List::of);
    progress.runStarted(3);

    progress.attemptFinished(SummaryBuilderTest.attempt("a", 1, AttemptStatus.OK, true, 10, null));
    progress.attemptFinished(SummaryBuilderTest.attempt("b", 1, AttemptStatus.OK, false, 10, null));
    progress.attemptFinished(
        SummaryBuilderTest.attempt("c", 1, AttemptStatus.EXECUTION_ERROR, false, 10, null));

    assertThat(err.toString())
        .contains("[1/3] \033[32mPASS\033[0m  a #1")
        .contains("[2/3] \033[31mFAIL\033[0m  b #1")
        .contains("[3/3] \033[35mERROR\033[0m c #1");
  }

  @Test
  void printsNoColourWhenColourIsOffOrStderrIsNoTerminal() {
    ProgressReporter off = reporter(new Terminal(true, true, 80, false), List::of);
    off.runStarted(1);
    off.attemptFinished(SummaryBuilderTest.attempt("a", 1, AttemptStatus.OK, true, 10, null));
    ProgressReporter redirected = reporter(new Terminal(false, true, 80, true), List::of);
    redirected.runStarted(1);
    redirected.attemptFinished(
        SummaryBuilderTest.attempt("b", 1, AttemptStatus.OK, true, 10, null));

    assertThat(err.toString()).doesNotContain("\033[3").contains("PASS  a #1", "[1/1] PASS  b #1");
  }

  @Test
  void saysAtOnceHowManyAttemptsInFlightWillFinish() {
    ProgressReporter progress = reporter(Terminal.NONE, List::of);
    progress.runStarted(5);
    progress.attemptStarted("a", 1);
    progress.attemptStarted("b", 1);
    progress.attemptStarted("c", 1);
    progress.attemptFinished(SummaryBuilderTest.attempt("a", 1, AttemptStatus.OK, true, 10, null));

    progress.stopping();

    assertThat(err.toString().lines())
        .last()
        .isEqualTo("stopping: 2 attempts in flight will finish (Ctrl-C again to quit now)");
  }

  @Test
  void saysWhatIsKeptWhenASecondCtrlCQuitsAndDropsTheStatusLine() {
    ProgressReporter progress = reporter(COLOURED_80, List::of);
    progress.runStarted(5);
    progress.attemptStarted("a", 1);
    progress.attemptStarted("b", 1);
    progress.attemptFinished(SummaryBuilderTest.attempt("a", 1, AttemptStatus.OK, true, 10, null));

    progress.quitting("results/run");

    assertThat(err.toString())
        .endsWith(
            "\r\033[2Kquitting now: 1 finished attempt(s) are kept in results/run; 1 in flight will"
                + " run again\n");
  }

  @Test
  void prefixesVerboseLinesWithTheAttempt() {
    ProgressReporter progress =
        new ProgressReporter(new PrintWriter(err), Terminal.NONE, true, clock, List::of);

    progress.agentEvent("flow-a", 2, "Let me look.\nSecond line");

    assertThat(err.toString().lines())
        .containsExactly("[flow-a#2] Let me look.", "[flow-a#2] Second line");
  }

  @Test
  void staysQuietAboutTheModelWithoutVerbose() {
    ProgressReporter progress = reporter(Terminal.NONE, List::of);

    progress.agentEvent("flow-a", 1, "hello");

    assertThat(err.toString()).isEmpty();
  }
}
