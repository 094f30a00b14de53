package dev.evals.report.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.report.Baseline;
import dev.evals.report.BaselineSource;
import dev.evals.report.HeldAttempts;
import dev.evals.report.Summary;
import dev.evals.report.SummaryBuilder;
import dev.evals.report.Verdict;
import dev.evals.run.AttemptRecord;
import dev.evals.run.AttemptStatus;
import dev.evals.validate.Check;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Two runs of four attempts per case, a before b, with every kind of change between them. */
class ComparePageTest {

  private static final Check RAN = Check.pass("run succeeded");
  private static final Check IDS_OK = Check.pass("step ids");
  private static final Check IDS_WRONG = Check.fail("step ids", "missing convert");

  private final ComparedRun a =
      run(
          "a",
          cases(
              "steady",
              List.of(RAN, IDS_OK),
              4,
              "broken",
              List.of(RAN, IDS_OK),
              4,
              "fixed",
              List.of(RAN, IDS_WRONG),
              4,
              "stuck",
              List.of(RAN, IDS_WRONG),
              2,
              "retired",
              List.of(RAN),
              4));
  private final ComparedRun b =
      compared(
          run(
              "b",
              cases(
                  "steady",
                  List.of(RAN, IDS_OK),
                  4,
                  "broken",
                  List.of(RAN, IDS_WRONG),
                  4,
                  "fixed",
                  List.of(RAN, IDS_OK),
                  4,
                  "stuck",
                  List.of(RAN, IDS_WRONG),
                  4,
                  "added",
                  List.of(RAN),
                  4)),
          a);

  @Test
  void namesTheChangeOfEveryCaseWithBothSidesFigures() {
    List<CaseChange> changes = CaseChange.between(a, b);

    assertThat(changes)
        .extracting(CaseChange::id, CaseChange::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("steady", CaseChange.Status.STILL_PASSING),
            org.assertj.core.groups.Tuple.tuple("broken", CaseChange.Status.BROKEN),
            org.assertj.core.groups.Tuple.tuple("fixed", CaseChange.Status.FIXED),
            org.assertj.core.groups.Tuple.tuple("stuck", CaseChange.Status.STILL_FAILING),
            org.assertj.core.groups.Tuple.tuple("added", CaseChange.Status.NEW),
            org.assertj.core.groups.Tuple.tuple("retired", CaseChange.Status.REMOVED));
    CaseChange broken = changes.get(1);
    assertThat(broken.before().passRate()).isEqualTo(1.0);
    assertThat(broken.after().passRate()).isEqualTo(0.0);
    assertThat(broken.after().interval().high()).isLessThan(0.5);
    assertThat(broken.verdict()).isEqualTo(Verdict.REGRESSED);
    assertThat(broken.pValue()).isNotNull();
    assertThat(broken.before().judgeScore()).isEqualTo(90.0);
    assertThat(changes.get(4).before()).isNull();
    assertThat(changes.get(5).after()).isNull();
  }

  @Test
  void listsOnlyTheChecksFailingInADifferentShareOfAttempts() {
    List<CaseChange> changes = CaseChange.between(a, b);

    assertThat(changes.get(0).checks()).isEmpty();
    assertThat(changes.get(1).checks())
        .containsExactly(new CaseChange.CheckChange("step ids", 0, 4, "missing convert"));
    assertThat(changes.get(2).checks())
        .containsExactly(new CaseChange.CheckChange("step ids", 4, 0, "missing convert"));
    // 2 of 2 and 4 of 4: the same share, so not a difference
    assertThat(changes.get(3).checks()).isEmpty();
    assertThat(changes.get(4).checks()).isEmpty();
  }

  @Test
  void thePageShowsBothRunsAndARowPerCaseWithWhatItSortsBy() {
    Document page = Jsoup.parse(ComparePage.render(a, b));

    assertThat(page.select("#run-a").text())
        .contains("out/a", "66.7%", "12/18 passed", "43.8–83.7%", "5 case(s)");
    assertThat(page.select("#run-b").text()).contains("out/b", "60.0%", "12/20 passed");
    assertThat(page.select("tr.case").eachAttr("data-case"))
        .containsExactly("broken", "fixed", "stuck", "steady", "added", "retired");
    Element broken = page.selectFirst("tr[data-case=broken]");
    assertThat(broken.attr("data-change")).isEqualTo("broken");
    assertThat(broken.attr("data-before")).isEqualTo("1.0000");
    assertThat(broken.attr("data-delta")).isEqualTo("-1.0000");
    assertThat(broken.selectFirst("td.verdict").text()).startsWith("regressed p = ");
    assertThat(broken.select("td.rate").eachText())
        .containsExactly("100.0% 4/4 51.0–100.0%", "0.0% 0/4 0.0–49.0%");
    assertThat(broken.selectFirst("td.checks li.fail").text())
        .isEqualTo("✗ step ids: 0/4 → 4/4 missing convert");
    assertThat(page.selectFirst("tr[data-case=fixed] td.checks li.pass").text())
        .startsWith("✓ step ids: 4/4 → 0/4");
    assertThat(page.select("tr[data-case=retired] td.rate").eachText())
        .containsExactly("100.0% 4/4 51.0–100.0%", "not run");
    assertThat(page.select("input.status-filter").eachAttr("value"))
        .containsExactly("broken", "fixed", "still-failing", "still-passing", "new", "removed");
    assertThat(page.select("label.badge").eachText()).contains("broken (1)", "still passing (1)");
  }

  @Test
  void thePageIsSelfContainedAndEscapesWhatRunsWrote() {
    ComparedRun nasty =
        run("c", cases("x<script>", List.of(Check.fail("a & b", "<img src=x>")), 1));
    ComparedRun unsafeLabel = new ComparedRun(a.summary(), a.attempts(), "out/<a>");
    String html = ComparePage.render(unsafeLabel, compared(nasty, a));

    Document page = Jsoup.parse(html);
    assertThat(page.select("img")).isEmpty();
    assertThat(page.select("script")).hasSize(1);
    assertThat(page.select("link, [src]")).isEmpty();
    assertThat(html).doesNotContain("http://", "https://");
    assertThat(page.selectFirst("tr.case").attr("data-case")).isEqualTo("x<script>");
  }

  private static Object[] cases(Object... spec) {
    return spec;
  }

  @SuppressWarnings("unchecked")
  private static ComparedRun run(String name, Object[] spec) {
    List<AttemptRecord> records = new ArrayList<>();
    for (int i = 0; i < spec.length; i += 3) {
      List<Check> checks = (List<Check>) spec[i + 1];
      for (int n = 1; n <= (int) spec[i + 2]; n++) {
        records.add(SampleRun.record((String) spec[i], n, AttemptStatus.OK, checks));
      }
    }
    HeldAttempts attempts = new HeldAttempts(SampleRun.manifest().caseIds(), records);
    Summary summary = SummaryBuilder.build(SampleRun.manifest(), attempts, "out/" + name);
    return new ComparedRun(summary, attempts, "out/" + name);
  }

  private static ComparedRun compared(ComparedRun current, ComparedRun baseline) {
    Summary summary =
        current
            .summary()
            .withComparison(
                BaselineSource.against(
                    current.summary(), Baseline.of(baseline.summary(), "out/a")));
    return new ComparedRun(summary, current.attempts(), current.label());
  }
}
