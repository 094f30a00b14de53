package dev.evals.report.history;

import static dev.evals.report.history.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HistoryPageTest {

  private final List<RunPoint> runs =
      List.of(
          run(1, "haiku", true, false),
          run(2, "opus", true, true),
          run(3, "haiku", false, false),
          run(4, "haiku", true, false));

  @Test
  void drawsOneSeriesPerModelWithAPointPerRunAndItsBand() {
    Document page = Jsoup.parse(HistoryPage.render("flow", runs));

    assertThat(page.select("svg#pass-rate g.series").eachAttr("data-model"))
        .containsExactly("haiku", "opus");
    Element haiku = page.selectFirst("g.series[data-model=haiku]");
    assertThat(haiku.select("circle.point")).hasSize(3);
    assertThat(haiku.select("circle.point").first().text())
        .isEqualTo("haiku 2026-11-21 04:17: 1/2, 50.0% (95% 9.5%–90.6%)");
    assertThat(haiku.selectFirst("polygon.band").attr("points").split(" ")).hasSize(6);
  }

  @Test
  void theGridMarksEachFlipAgainstTheSameModelsPreviousRun() {
    Document page = Jsoup.parse(HistoryPage.render("flow", runs));

    Element caseA = page.selectFirst("table#cases tr[data-case=case-a]");
    assertThat(caseA.select("td").eachAttr("class"))
        .containsExactly("pass", "pass", "fail flip", "pass flip", "flips");
    assertThat(caseA.selectFirst("td.flips").text()).isEqualTo("2");
    assertThat(page.selectFirst("tr[data-case=case-b] td.flips").text()).isEqualTo("0");
  }

  @Test
  void thePageIsSelfContainedWithNoScriptAndNothingToFetch() {
    String html = HistoryPage.render("flow", runs);
    Document page = Jsoup.parse(html);

    assertThat(page.select("script, link, img, iframe, [src]")).isEmpty();
    assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", ""))
        .doesNotContain("http:", "https:", "url(", "//");
  }

  @Test
  void namesAreEscaped() {
    String html = HistoryPage.render("<flow>", List.of(run(1, "m<&>", true)));

    assertThat(html).contains("&lt;flow&gt; history").contains("m&lt;&amp;&gt;");
  }

  @Test
  void anEmptyHistorySaysSo() {
    assertThat(Jsoup.parse(HistoryPage.render("flow", List.of())).text())
        .contains("No recorded run yet.");
  }
}
