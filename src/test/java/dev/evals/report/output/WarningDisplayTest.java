package dev.evals.report.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.report.AttemptSource;
import dev.evals.report.HeldAttempts;
import dev.evals.report.Summary;
import dev.evals.report.SummaryBuilder;
import dev.evals.report.TerminalReport;
import dev.evals.run.AttemptRecord;
import dev.evals.run.AttemptStatus;
import dev.evals.validate.Check;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A warning check is shown apart from failures and never makes an attempt fail. */
class WarningDisplayTest {

  @TempDir Path dir;

  private final AttemptRecord warned =
      SampleRun.record(
          "future",
          1,
          AttemptStatus.OK,
          List.of(
              Check.pass("run succeeded"),
              Check.warn("module types are known", "step 'x' has type 'teleport'")));

  private Summary summary() {
    return SummaryBuilder.build(SampleRun.manifest(), List.of(warned), "results/run");
  }

  private AttemptSource attempts() {
    return new HeldAttempts(SampleRun.manifest().caseIds(), List.of(warned));
  }

  @Test
  void theTerminalSummaryListsWarningsApartFromFailures() {
    StringWriter out = new StringWriter();

    TerminalReport.print(new PrintWriter(out), summary(), attempts(), List.of());

    assertThat(warned.passed()).isTrue();
    assertThat(out.toString())
        .contains("Warnings (not failures):")
        .contains("module types are known: step 'x' has type 'teleport'")
        .doesNotContain("Failures by case");
  }

  @Test
  void theHtmlReportMarksAWarningWithItsDetail() {
    Element item =
        Jsoup.parse(SampleRun.html(summary(), attempts(), dir)).selectFirst("ul.checks li.warn");

    assertThat(item).isNotNull();
    assertThat(item.text()).startsWith("⚠").contains("step 'x' has type 'teleport'");
  }
}
