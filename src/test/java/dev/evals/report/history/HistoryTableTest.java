package dev.evals.report.history;

import static dev.evals.report.history.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTableTest {

  @Test
  void printsARowPerRunWithItsIntervalAndCostThenASparklinePerModel() {
    StringWriter text = new StringWriter();
    List<RunPoint> runs =
        List.of(
            run(1, "haiku", true, false, false, false),
            run(2, "opus", true, true, true, true),
            run(3, "haiku", true, true, true, false));

    HistoryTable.print(new PrintWriter(text, true), runs);

    assertThat(text.toString().lines())
        .containsExactly(
            "date              commit    model  passed  pass rate  95% interval  cost",
            "2026-11-21 04:17  01234567  haiku  1/4     25.0%      4.6%–69.9%    $0.42",
            "2026-11-22 04:17  01234567  opus   4/4     100.0%     51.0%–100.0%  $0.42",
            "2026-11-23 04:17  01234567  haiku  3/4     75.0%      30.1%–95.4%   $0.42",
            "",
            "haiku  ▃▆  2 run(s), 25.0% -> 75.0%",
            "opus   █  1 run(s), 100.0%");
  }

  @Test
  void sparklineRunsFromTheLowestBarAtZeroToTheFullBarAtAll() {
    assertThat(
            HistoryTable.sparkline(
                List.of(
                    run(1, "m", false, false), run(2, "m", true, false), run(3, "m", true, true))))
        .isEqualTo("▁▅█");
  }

  @Test
  void aRunWithoutCommitOrPriceShowsDashes() {
    RunPoint unpriced =
        new RunPoint(
            1,
            "2026-11-21T04:17:00Z",
            null,
            "reference",
            null,
            new RunPoint.Tally(0, 0, 2),
            null,
            List.of());

    assertThat(HistoryTable.row(unpriced))
        .containsExactly(
            "2026-11-21 04:17", "-", "reference", "0/0 (2 err)", "0.0%", "0.0%–100.0%", "-");
  }
}
