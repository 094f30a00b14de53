package dev.evals.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals.json.JsonLines;
import dev.evals.model.TokenUsage;
import dev.evals.validate.Check;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttemptIndexTest {

  @TempDir Path dir;

  static AttemptRecord record(String caseId, int attempt, boolean passed) {
    return new AttemptRecord(
        new AttemptKey(caseId, attempt),
        AttemptOutcome.of(
            AttemptStatus.OK,
            passed,
            List.of(Check.of("run succeeded", passed, "no artifact")),
            null,
            null),
        new AttemptUsage(TokenUsage.of(10, 5), 10, new BigDecimal("0.001"), null, null),
        new AttemptTiming(100, 2, 1, List.of("set_flow")),
        caseId + "/attempt-" + attempt);
  }

  @Test
  void writesTheModelCostAndTheTotalBesideTheJudgesAndReadsThemBack() throws IOException {
    AttemptIndex index = new AttemptIndex(dir.resolve("index.jsonl"));
    AttemptRecord judged =
        new AttemptRecord(
            new AttemptKey("a", 1),
            AttemptOutcome.of(AttemptStatus.OK, true, List.of(), 90, null),
            new AttemptUsage(
                TokenUsage.of(10, 5),
                10,
                new BigDecimal("0.001"),
                TokenUsage.of(3, 1),
                new BigDecimal("0.0002")),
            new AttemptTiming(100, 2, 1, List.of()),
            "a/attempt-1");
    index.append(judged);

    String line = Files.readString(index.file(), StandardCharsets.UTF_8);
    assertThat(line)
        .contains("\"modelCostUsd\":0.001")
        .contains("\"judgeCostUsd\":0.0002")
        .contains("\"totalCostUsd\":0.0012");
    assertThat(index.read()).containsExactly(judged);
  }

  @Test
  void writesOneLinePerAttemptAndReadsThemBack() throws IOException {
    AttemptIndex index = new AttemptIndex(dir.resolve("index.jsonl"));
    index.append(record("a", 1, true));
    index.append(record("b", 1, false));

    assertThat(Files.readAllLines(index.file())).hasSize(2);
    assertThat(index.read()).extracting(r -> r.key().toString()).containsExactly("a#1", "b#1");
    assertThat(index.read().get(0)).isEqualTo(record("a", 1, true));
  }

  @Test
  void keepsTheNewestRecordOfAnAttempt() throws IOException {
    AttemptIndex index = new AttemptIndex(dir.resolve("index.jsonl"));
    index.append(record("a", 1, false));
    index.append(record("b", 1, true));
    index.append(record("a", 1, true));

    assertThat(index.read())
        .extracting(r -> r.key().toString(), AttemptRecord::passed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("b#1", true),
            org.assertj.core.groups.Tuple.tuple("a#1", true));
  }

  @Test
  void skipsALastLineTornByACrash() throws IOException {
    AttemptIndex index = new AttemptIndex(dir.resolve("index.jsonl"));
    index.append(record("a", 1, true));
    Files.writeString(
        index.file(), "{\"caseId\":\"b\",\"att", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    assertThat(index.read()).extracting(r -> r.key().toString()).containsExactly("a#1");
  }

  @Test
  void refusesAnUnreadableLineInTheMiddleAsACorruptFileNamingItsLine() throws IOException {
    Path file = dir.resolve("index.jsonl");
    Files.writeString(file, "garbage\n");
    new AttemptIndex(file).append(record("a", 1, true));

    assertThatThrownBy(() -> new AttemptIndex(file).read())
        .isInstanceOf(RunFolderException.class)
        .hasMessageStartingWith(file + ":1: unreadable attempt record (")
        .hasMessageNotContaining("\n");
  }

  @Test
  void theAppendAfterATornLastLineStartsOnANewLineAndKeepsTheFragmentInTheLog() throws IOException {
    RunLog log =
        new RunLog(
            dir.resolve("run.log"),
            java.time.Clock.fixed(java.time.Instant.EPOCH, java.time.ZoneOffset.UTC),
            dev.evals.config.Secrets.of(dev.evals.config.Environment.of(java.util.Map.of())));
    AttemptIndex index = new AttemptIndex(dir.resolve("index.jsonl")).loggingTo(log);
    index.append(record("a", 1, true));
    Files.writeString(
        index.file(), "{\"caseId\":\"b\",\"att", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    index.append(record("c", 1, true));
    index.append(record("d", 1, true));

    assertThat(index.read())
        .extracting(r -> r.key().toString())
        .containsExactly("a#1", "c#1", "d#1");
    assertThat(Files.readAllLines(index.file())).hasSize(3);
    assertThat(Files.readString(dir.resolve("run.log")))
        .contains("torn line")
        .contains("{\"caseId\":\"b\",\"att");
  }

  @Test
  void aCompleteRecordThatOnlyLacksItsNewlineIsKept() throws IOException {
    AttemptIndex index = new AttemptIndex(dir.resolve("index.jsonl"));
    index.append(record("a", 1, true));
    String full = Files.readString(index.file());
    Files.writeString(index.file(), full.substring(0, full.length() - 1));

    index.append(record("b", 1, true));

    assertThat(index.read()).extracting(r -> r.key().toString()).containsExactly("a#1", "b#1");
  }

  @Test
  void neverCountsAnExecutionErrorAsPassed() {
    assertThatThrownBy(
            () ->
                new AttemptRecord(
                    new AttemptKey("a", 1),
                    AttemptOutcome.of(AttemptStatus.EXECUTION_ERROR, true, List.of(), null, "boom"),
                    new AttemptUsage(null, 0, null, null, null),
                    new AttemptTiming(0, 0, 0, List.of()),
                    null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void attemptsEndingWhileADiskForceRunsShareTheNextOne() throws Exception {
    CountDownLatch forcing = new CountDownLatch(1);
    CountDownLatch diskDone = new CountDownLatch(1);
    AtomicInteger forces = new AtomicInteger();
    AttemptIndex index =
        new AttemptIndex(
            dir.resolve("index.jsonl"),
            null,
            file -> {
              if (forces.incrementAndGet() == 1) {
                forcing.countDown();
                await(diskDone);
              }
              JsonLines.force(file);
            });
    List<Thread> appends = new ArrayList<>();
    appends.add(appendInBackground(index, 1));
    forcing.await();
    for (int attempt = 2; attempt <= 5; attempt++) {
      appends.add(appendInBackground(index, attempt));
    }
    while (Files.readAllLines(dir.resolve("index.jsonl")).size() < 5) {
      Thread.onSpinWait(); // all written, queued behind the force in progress
    }

    diskDone.countDown();
    for (Thread append : appends) {
      append.join();
    }

    assertThat(forces).hasValue(2);
    assertThat(index.read()).hasSize(5);
  }

  private static Thread appendInBackground(AttemptIndex index, int attempt) {
    Thread thread =
        new Thread(
            () -> {
              try {
                index.append(record("a", attempt, true));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    thread.start();
    return thread;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void refusesALineThatCallsAnExecutionErrorPassed() throws IOException {
    AttemptIndex index = new AttemptIndex(dir.resolve("index.jsonl"));
    index.append(record("a", 1, false));
    index.append(record("b", 1, true));
    String lines = Files.readString(index.file());
    Files.writeString(
        index.file(),
        lines.replaceFirst(
            "\"status\":\"ok\",\"passed\":false",
            "\"status\":\"execution_error\",\"passed\":true"));

    assertThatThrownBy(index::read)
        .isInstanceOf(RunFolderException.class)
        .hasMessageContaining("index.jsonl:1")
        .hasMessageContaining("only a scored attempt can pass, not execution_error");
  }
}
