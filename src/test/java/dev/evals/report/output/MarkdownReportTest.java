package dev.evals.report.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.report.Comparison;
import dev.evals.report.Summary;
import dev.evals.run.RunDirectory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReportTest {

  @TempDir Path dir;

  @Test
  void leadsWithTheNumbersAndListsTheRegressedCaseWithItsPValueAndFailingCheck() throws Exception {
    Summary summary = SampleRun.write(RunDirectory.at(dir.resolve("run.json")));

    String md = MarkdownReport.render(summary);

    assertThat(md)
        .startsWith("## ❌ evals: flow suite, haiku (anthropic:claude-haiku-4-5)")
        .contains("| **64.3%** (9/14) |")
        .contains("| pass@5 | pass^5 |")
        .contains("1 (not counted)")
        .contains("Baseline `history/flow.jsonl (line 1)`: pass rate -14.7 pts; 1 regressed")
        .contains("1 removed")
        .contains(
            "| `broken` | **regressed** | 0.0% (0/5) | 100.0% | 0.0079 | 0 | `step ids` (5×): missing"
                + " <b>\"quotes\" & 'ticks'</b>")
        .contains("| `flaky` | unchanged | 100.0% (4/4) | 100.0% | 1.0000 | 1 | – |")
        .doesNotContain("`steady`")
        .contains("Most failed checks: `step ids` (5)");
    assertThat(md.indexOf("`broken`")).isLessThan(md.indexOf("`flaky`"));
  }

  @Test
  void saysWhenThereIsNoBaseline() throws Exception {
    Summary summary =
        SampleRun.write(RunDirectory.at(dir.resolve("run.json")))
            .withComparison(Comparison.noBaseline("no history file history/flow.jsonl"));

    assertThat(MarkdownReport.render(summary))
        .contains("No baseline")
        .contains("| `broken` | – | 0.0% (0/5) |");
  }

  @Test
  void keepsTableCellsOnOneLineWithoutPipes() {
    assertThat(MarkdownReport.cell("a | b\nc")).isEqualTo("a \\| b c");
  }
}
