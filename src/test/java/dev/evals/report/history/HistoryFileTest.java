package dev.evals.report.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFileTest {

  @TempDir Path dir;

  private static final String LINE =
      "{\"createdAt\":\"2026-11-21T04:17:00.000Z\",\"gitSha\":\"abc\",\"mode\":\"flow\","
          + "\"runModel\":\"haiku\",\"judgeModel\":null,\"attemptCount\":4,\"passedAttempts\":2,"
          + "\"errorAttempts\":1,\"totalCostUsd\":0.5,\"cases\":[{\"id\":\"flow-a\","
          + "\"attemptCount\":4,\"passedAttempts\":2,\"scoredAttempts\":3}]}";

  @Test
  void readsALineIntoItsScoredPassRateCostAndCases() throws IOException {
    Path file = Files.writeString(dir.resolve("flow.jsonl"), LINE + "\n");

    HistoryFile.Read read = HistoryFile.read(file);

    assertThat(read.skipped()).isEmpty();
    RunPoint run = read.runs().get(0);
    assertThat(run.line()).isEqualTo(1);
    assertThat(run.commit()).isEqualTo("abc");
    assertThat(run.judgeModel()).isNull();
    assertThat(run.scored()).isEqualTo(3);
    assertThat(run.passed()).isEqualTo(2);
    assertThat(run.costUsd()).isEqualByComparingTo(new BigDecimal("0.5"));
    assertThat(run.cases()).containsExactly(new RunPoint.CaseResult("flow-a", 2, 3));
  }

  @Test
  void aTornOrForeignLineIsSkippedAndNamedWhileTheOthersAreRead() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("flow.jsonl"), LINE + "\n\n[1,2]\n" + LINE + "\n{\"createdAt\":\"2026");

    HistoryFile.Read read = HistoryFile.read(file);

    assertThat(read.runs()).extracting(RunPoint::line).containsExactly(1, 4);
    assertThat(read.skipped())
        .containsExactly(
            "line 3 is not a history line, skipped", "line 5 is not a history line, skipped");
  }

  @Test
  void lastKeepsTheNewestRunsInTheirOrder() throws IOException {
    Path file = Files.writeString(dir.resolve("flow.jsonl"), (LINE + "\n").repeat(5));

    HistoryFile.Read read = HistoryFile.read(file);

    assertThat(read.last(2)).extracting(RunPoint::line).containsExactly(4, 5);
    assertThat(read.last(null)).hasSize(5);
    assertThat(read.last(9)).hasSize(5);
  }
}
