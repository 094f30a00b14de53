package dev.evals.report.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.report.Summary;
import dev.evals.run.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttemptPageTest {

  @TempDir Path dir;

  private Document page(String caseId, int attempt) throws Exception {
    RunDirectory run = RunDirectory.at(dir.resolve("run.json"));
    Summary summary = SampleRun.write(run);
    SampleRun.html(summary, SampleRun.attempts(run), run.folder());
    return Jsoup.parse(
        run.folder().resolve(caseId + "/attempt-" + attempt + "/attempt.html").toFile());
  }

  @Test
  void isSelfContainedAndLinksBackToTheReport() throws Exception {
    Document page = page("broken", 2);

    assertThat(page.select("script[src], link[href], img, iframe")).isEmpty();
    assertThat(page.select("style").html()).contains(".conversation");
    assertThat(page.selectFirst("a").attr("href")).isEqualTo("../../report.html");
    assertThat(page.selectFirst("h1").text()).isEqualTo("broken");
    assertThat(page.selectFirst("p.attempt-title").text()).startsWith("FAIL attempt #2");
  }

  @Test
  void showsTheChecksTheJudgeAndThePrompt() throws Exception {
    Document page = page("broken", 1);

    assertThat(page.select("ul.checks li.fail").first().text()).startsWith("✗ step ids: missing");
    assertThat(page.selectFirst(".judge").text()).contains("score 90");
    assertThat(page.selectFirst("section.prompt .text").text())
        .isEqualTo("Build the broken flow <b>\"quotes\" & 'ticks'</b>\uFFFD");
  }

  @Test
  void rendersTheTranscriptAsAConversation() throws Exception {
    Element conversation = page("steady", 1).selectFirst("section.conversation");

    assertThat(conversation.select(".message .role").eachText())
        .containsExactly("system", "user", "assistant", "assistant");
    assertThat(conversation.selectFirst(".message.system a").attr("href"))
        .matches("\\.\\./\\.\\./system-prompt-[0-9a-f]{12}\\.html");
    assertThat(conversation.selectFirst("details.thinking").text())
        .contains("the flow needs one step");
    Element call = conversation.selectFirst("details.tool-call");
    assertThat(call.selectFirst("summary").text()).isEqualTo("set_flow → ok");
    assertThat(call.select(".label").eachText()).containsExactly("arguments", "result");
    assertThat(call.select("pre.json").get(1).text()).contains("\"saved\": true");
    assertThat(conversation.select(".message.assistant .text").last().text())
        .isEqualTo("Done: <b>\"quotes\" & 'ticks'</b>\uFFFD");
    assertThat(conversation.text()).doesNotContain("You build Windmill flows");
  }

  @Test
  void showsCodeInsideToolArgumentsAsCodeInsteadOfAnEscapedString() throws Exception {
    Element arguments = page("steady", 1).selectFirst("details.tool-call pre.json");

    assertThat(arguments.selectFirst("code.block").wholeText())
        .isEqualTo("export async function main(c: number) {\n  return c * 9 / 5 + 32;\n}\n");
    assertThat(arguments.wholeText()).doesNotContain("\\n");
    assertThat(arguments.select(".key").eachText()).contains("\"summary\"", "\"content\"");
  }

  @Test
  void showsEachArtifactTheDiffAndTheExpectedSolution() throws Exception {
    Element artifacts = page("broken", 1).selectFirst("section.artifacts");

    assertThat(artifacts.select("details > summary").eachText())
        .containsExactly("flow.json vs expected", "flow.json", "expected.json");
    assertThat(artifacts.select("pre.diff .del").text()).contains("\"steady\"");
    assertThat(artifacts.select("pre.diff .add").text()).contains("\"broken\"");
    assertThat(artifacts.select("a").eachAttr("href"))
        .contains("./flow.json", "./expected.json", "./transcript.json", "./judge.json");
  }

  @Test
  void saysSoWhenAnAttemptLeftNoTranscript() throws Exception {
    RunDirectory run = RunDirectory.at(dir.resolve("run.json"));
    Summary summary = SampleRun.write(run);
    Files.delete(run.folder().resolve("flaky/attempt-3/transcript.json"));

    SampleRun.html(summary, SampleRun.attempts(run), run.folder());

    Document page = Jsoup.parse(run.folder().resolve("flaky/attempt-3/attempt.html").toFile());
    assertThat(page.selectFirst("main > p.error").text()).isEqualTo("ProviderException: HTTP 503");
    assertThat(page.text()).contains("No transcript was recorded.");
    assertThat(page.select("section.conversation")).isEmpty();
  }
}
