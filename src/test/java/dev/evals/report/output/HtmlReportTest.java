package dev.evals.report.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.report.Summary;
import dev.evals.run.RunDirectory;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

  @TempDir Path dir;

  private Document render() throws Exception {
    RunDirectory run = RunDirectory.at(dir.resolve("run.json"));
    Summary summary = SampleRun.write(run);
    return Jsoup.parse(SampleRun.html(summary, SampleRun.attempts(run), run.folder()));
  }

  @Test
  void isSelfContainedWithInlineStylesAndScripts() throws Exception {
    Document html = render();

    assertThat(html.select("[src], link[href]")).isEmpty();
    assertThat(html.select("[href]").eachAttr("href")).noneMatch(h -> h.matches("(?i)https?://.*"));
    assertThat(html.select("style").html()).contains(".case");
    assertThat(html.select("script").html()).contains("failed-only");
  }

  @Test
  void headsThePageWithModelJudgeRatesAndCost() throws Exception {
    Document html = render();

    String header = html.selectFirst("header").text();
    assertThat(header)
        .contains("flow suite · haiku (anthropic:claude-haiku-4-5)")
        .contains("judge: sonnet (anthropic:claude-sonnet-4-5)")
        .contains("64.3%")
        .contains("9/14 passed")
        .contains("95% Wilson interval")
        .contains("pass@5")
        .contains("pass^5")
        .contains("$0.0370cost in total")
        .contains("$0.0300model under test")
        .contains("$0.0070judge")
        .contains("22.5sattempt time in total");
    assertThat(html.select("#failed-only, #errors-only, #search")).hasSize(3);
  }

  @Test
  void splitsTheCostPerCaseAndPerAttempt() throws Exception {
    Document html = render();

    Element flaky = html.selectFirst("section#case-flaky");
    assertThat(flaky.selectFirst("p").text())
        .contains("cost $0.0120 (model $0.0100 + judge $0.0020)");
    assertThat(flaky.selectFirst("details.attempt summary").text())
        .contains("$0.0025 (model $0.0020 + judge $0.0005)");
  }

  @Test
  void statesTheSuiteVerdictAndWhatTheComparisonCouldDetect() throws Exception {
    Document html = render();

    String comparison = html.selectFirst("section.comparison").text();
    assertThat(comparison)
        .contains("Suite no significant change: 1 of 3 shared case(s) down, 0 up, 2 tied")
        .contains("Detectable: no suite change is detectable with 3 shared case(s)")
        .contains("a single case can reach p = 0.0079");
  }

  @Test
  void givesEachCaseACardWithVerdictChecksAndJudge() throws Exception {
    Document html = render();

    Element broken = html.selectFirst("section#case-broken");
    assertThat(broken.attr("data-failed")).isEqualTo("true");
    assertThat(broken.selectFirst(".verdict").text()).isEqualTo("regressed");
    assertThat(broken.text()).contains("p = 0.0079");
    Element attempt = broken.selectFirst("details.attempt");
    assertThat(attempt.select("ul.checks").first().child(0).text())
        .isEqualTo("✗ step ids: missing <b>\"quotes\" & 'ticks'</b>\uFFFD");
    assertThat(attempt.select(".judge").text())
        .contains("score 90")
        .contains("✗ names the step named it x");
    assertThat(html.selectFirst("section#case-flaky").attr("data-errors")).isEqualTo("true");
    assertThat(html.text())
        .contains("retired")
        .contains("in the baseline only")
        .contains("1 regressed, 0 improved, 2 unchanged, 0 new, 1 removed.");
  }

  @Test
  void showsTheCasePromptOnceOnItsCard() throws Exception {
    Document html = render();

    Element broken = html.selectFirst("section#case-broken");
    assertThat(broken.select("details.prompt")).hasSize(1);
    assertThat(broken.selectFirst("details.prompt .text").text())
        .isEqualTo("Build the broken flow <b>\"quotes\" & 'ticks'</b>\uFFFD");
  }

  @Test
  void leavesTranscriptsAndArtifactsToEachAttemptsOwnPage() throws Exception {
    Document html = render();

    assertThat(html.select("pre")).isEmpty();
    assertThat(html.text()).doesNotContain("You build Windmill flows").doesNotContain("set_flow");
    assertThat(html.select("a.attempt-page").eachAttr("href"))
        .hasSize(15)
        .contains("broken/attempt-1/attempt.html", "flaky/attempt-5/attempt.html");
    assertThat(dir.resolve("run/broken/attempt-1/attempt.html")).isRegularFile();
  }

  @Test
  void writesTheSystemPromptOncePerRunAndLinksItFromTheReport() throws Exception {
    Document html = render();

    assertThat(html.select("section.system-prompts a").eachAttr("href"))
        .singleElement()
        .satisfies(href -> assertThat(href).matches("system-prompt-[0-9a-f]{12}\\.html"));
    assertThat(html.selectFirst("section.system-prompts").text()).contains("sent in 15 attempt(s)");
    try (var pages = Files.list(dir.resolve("run"))) {
      assertThat(pages.map(p -> p.getFileName().toString()))
          .filteredOn(name -> name.startsWith("system-prompt-"))
          .hasSize(1);
    }
    Path page =
        dir.resolve("run").resolve(html.selectFirst("section.system-prompts a").attr("href"));
    assertThat(Jsoup.parse(page.toFile()).selectFirst(".prompt").wholeText())
        .isEqualTo(SampleRun.SYSTEM_PROMPT);
  }

  @Test
  void linksAnotherFoldersReportToTheAttemptPagesWithoutWritingIntoTheRun() throws Exception {
    RunDirectory run = RunDirectory.at(dir.resolve("run.json"));
    Summary summary = SampleRun.write(run);
    StringWriter out = new StringWriter();
    HtmlReport.write(
        summary,
        SampleRun.attempts(run),
        ReportPlace.of(run.folder(), dir.resolve("compared")),
        out);
    assertThat(Jsoup.parse(out.toString()).select("a.attempt-page")).isEmpty();

    render();
    out = new StringWriter();
    HtmlReport.write(
        summary,
        SampleRun.attempts(run),
        ReportPlace.of(run.folder(), dir.resolve("compared")),
        out);

    assertThat(Jsoup.parse(out.toString()).select("a.attempt-page").eachAttr("href"))
        .contains("../run/broken/attempt-1/attempt.html");
  }

  @Test
  void skipsArtifactsGracefullyWhenTheRunFolderIsGone() throws Exception {
    RunDirectory run = RunDirectory.at(dir.resolve("run.json"));
    Summary summary = SampleRun.write(run);

    Document html =
        Jsoup.parse(SampleRun.html(summary, SampleRun.attempts(run), dir.resolve("elsewhere")));

    assertThat(html.select("section.case[id]")).hasSize(3);
    assertThat(html.select("pre")).isEmpty();
  }
}
