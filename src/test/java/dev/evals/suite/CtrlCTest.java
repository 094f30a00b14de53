package dev.evals.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CtrlCTest {

  private final List<String> heard = new ArrayList<>();

  @Test
  void theFirstPressWindsDownAndEveryLaterOneQuits() {
    CtrlC ctrlC = CtrlC.detached(() -> heard.add("stop"), () -> heard.add("quit"));
    assertThat(ctrlC.wasPressed()).isFalse();

    ctrlC.pressed();
    ctrlC.pressed();
    ctrlC.pressed();

    assertThat(heard).containsExactly("stop", "quit", "quit");
    assertThat(ctrlC.wasPressed()).isTrue();
  }

  @Test
  void aPressWhileAttemptsRanIsKnownWhenTheyEnd() {
    CtrlC ctrlC = CtrlC.detached(() -> heard.add("stop"), () -> heard.add("quit"));
    ctrlC.pressed();

    assertThat(ctrlC.attemptsEnded()).isTrue();
    assertThat(heard).containsExactly("stop");
  }

  @Test
  void afterTheAttemptsEndTheFirstPressQuits() {
    CtrlC ctrlC = CtrlC.detached(() -> heard.add("stop"), () -> heard.add("quit"));

    assertThat(ctrlC.attemptsEnded()).isFalse();
    ctrlC.pressed();

    assertThat(heard).containsExactly("quit");
  }

  @Test
  void aDetachedHandlerInstallsNothing() {
    try (CtrlC ctrlC = CtrlC.detached(() -> {}, () -> {})) {
      assertThat(ctrlC.installed()).isFalse();
    }
  }

  @Test
  void aRealSigintReachesTheInstalledHandlerUntilItIsClosed() throws InterruptedException {
    CountDownLatch first = new CountDownLatch(1);
    CountDownLatch second = new CountDownLatch(1);
    try (CtrlC ctrlC = CtrlC.handle(first::countDown, second::countDown)) {
      // Only where this JVM lets SIGINT be handled: raising it otherwise would end the test run.
      assumeThat(ctrlC.installed()).as("SIGINT can be handled in this JVM").isTrue();

      sun.misc.Signal.raise(new sun.misc.Signal("INT"));
      assertThat(first.await(30, TimeUnit.SECONDS)).isTrue();
      sun.misc.Signal.raise(new sun.misc.Signal("INT"));
      assertThat(second.await(30, TimeUnit.SECONDS)).isTrue();
    }
  }
}
