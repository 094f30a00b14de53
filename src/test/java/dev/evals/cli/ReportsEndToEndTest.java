package dev.evals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.config.ToolBuild;
import dev.evals.json.Mappers;
import dev.evals.testing.CasesRoot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * Runs the reference model five times over a suite with a case that passes and one that fails, then
 * checks the reports, a regression against the recorded history, and rebuilding reports.
 */
class ReportsEndToEndTest {

  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @TempDir Path dir;
  private Path cases;

  @BeforeEach
  void writeASuite() throws IOException {
    cases = dir.resolve("suite");
    new CasesRoot(cases)
        .caseFile("flow", suite("convert_temperature"))
        .file(
            "fixtures/flow/expected/celsius.json",
            Files.readString(
                PROJECT.resolve("fixtures/flow/expected/single_step_temperature.json")));
  }

  /** flow-good passes with the reference model; flow-bad expects a step it never gets. */
  private static String suite(String goodStep) {
    return """
        - id: flow-good
          prompt: Convert `celsius` to Fahrenheit in one step `convert_temperature`.
          expected: fixtures/flow/expected/celsius.json
          validate:
            exactTopLevelStepIds: [%s]
        - id: flow-bad
          prompt: Convert `celsius` to Fahrenheit in one step `other_step`.
          expected: fixtures/flow/expected/celsius.json
          validate:
            exactTopLevelStepIds: [other_step]
        """
        .formatted(goodStep);
  }

  private CliRun run(String output, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "run",
                "flow",
                "--model",
                "reference",
                "--cases-dir",
                "suite",
                "--runs",
                "5",
                "--concurrency",
                "2",
                "--output",
                output));
    args.addAll(List.of(more));
    return CliRun.of(dir, Map.of(), args.toArray(String[]::new));
  }

  private JsonNode json(String path) throws IOException {
    return Mappers.json().readTree(dir.resolve(path).toFile());
  }

  @Test
  void aRunWritesStatisticsAndAllThreeReports() throws Exception {
    CliRun run = run("out/first.json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode summary = json("out/first.json");
    assertThat(summary.get("passRate").asDouble()).isEqualTo(0.5);
    assertThat(summary.get("passRateWilson95").toString()).isEqualTo("[0.2366,0.7634]");
    assertThat(summary.get("passAtK").asDouble()).isEqualTo(0.5);
    assertThat(summary.get("passRatePerRun").toString()).isEqualTo("[0.5,0.5,0.5,0.5,0.5]");
    assertThat(summary.get("checkFailures").get(0).get("failedAttempts").asInt()).isEqualTo(5);
    assertThat(summary.get("comparison").get("status").asText()).isEqualTo("no_baseline");
    ToolBuild tool = ToolBuild.current();
    assertThat(summary.get("toolVersion").asText())
        .isEqualTo(tool.version())
        .isNotEqualTo("unknown");
    assertThat(summary.get("toolCommit").asText()).isEqualTo(tool.commit());
    assertThat(json("out/first/run.json").get("toolCommit").asText()).isEqualTo(tool.commit());
    assertThat(summary.get("gitSha").isNull()).as("the cases root is no git checkout").isTrue();
    JsonNode good = summary.get("cases").get(0);
    assertThat(good.get("passAtK")).hasSize(5);
    assertThat(good.get("passHatK").get(4).asDouble()).isEqualTo(1.0);
    assertThat(run.out())
        .contains("95% interval 23.7–76.3%, pass@5 50.0%, pass^5 50.0%")
        .contains("out/first/report.html")
        .contains("out/first/pr-comment.md")
        .contains("out/first/junit.xml");

    Document html = Jsoup.parse(dir.resolve("out/first/report.html").toFile());
    assertThat(html.select("[src]").eachAttr("src")).noneMatch(s -> s.matches("(?i)https?:.*"));
    assertThat(html.select("[href]").eachAttr("href")).noneMatch(s -> s.matches("(?i)https?:.*"));
    assertThat(html.select("section.case[id]")).hasSize(2);
    assertThat(html.select("section#case-flow-bad details.attempt")).hasSize(5);
    assertThat(html.selectFirst("section#case-flow-good a.attempt-page").attr("href"))
        .isEqualTo("flow-good/attempt-1/attempt.html");
    assertThat(
            Jsoup.parse(dir.resolve("out/first/flow-good/attempt-1/attempt.html").toFile()).text())
        .contains("flow.json is identical to the expected flow");

    org.w3c.dom.Document junit =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(
                new ByteArrayInputStream(Files.readAllBytes(dir.resolve("out/first/junit.xml"))));
    Element suite = junit.getDocumentElement();
    assertThat(suite.getAttribute("tests")).isEqualTo("10");
    assertThat(suite.getAttribute("failures")).isEqualTo("5");
    assertThat(suite.getAttribute("errors")).isEqualTo("0");
    assertThat(suite.getElementsByTagName("testcase").getLength()).isEqualTo(10);
    assertThat(((Element) suite.getElementsByTagName("testcase").item(0)).getAttribute("name"))
        .isEqualTo("flow-good#1");
  }

  @Test
  void aCaseThatBreaksRegressesAgainstHistoryAndFailsTheGate() throws Exception {
    assertThat(run("out/first.json", "--record").exitCode()).isZero();
    Files.writeString(cases.resolve("cases/flow.yaml"), suite("renamed_step"));
    Path stepSummary = dir.resolve("step-summary.md");

    CliRun second =
        CliRun.of(
            dir,
            Map.of("GITHUB_STEP_SUMMARY", stepSummary.toString()),
            "run",
            "flow",
            "--model",
            "reference",
            "--cases-dir",
            "suite",
            "--runs",
            "5",
            "--output",
            "out/second.json",
            "--fail-on-regression");

    assertThat(second.exitCode()).isEqualTo(1);
    assertThat(second.err()).contains("gate: reference: case flow-good regressed");
    JsonNode comparison = json("out/second.json").get("comparison");
    assertThat(comparison.get("status").asText()).isEqualTo("ok");
    assertThat(comparison.get("baseline").asText()).isEqualTo("history/flow.jsonl (line 1)");
    assertThat(comparison.get("passRateDelta").asDouble()).isEqualTo(-0.5);
    JsonNode good = comparison.get("cases").get(0);
    assertThat(good.get("id").asText()).isEqualTo("flow-good");
    assertThat(good.get("verdict").asText()).isEqualTo("regressed");
    assertThat(good.get("pValue").asDouble()).isBetween(0.0079, 0.00794);
    assertThat(comparison.get("cases").get(1).get("verdict").asText()).isEqualTo("unchanged");
    String markdown = Files.readString(dir.resolve("out/second/pr-comment.md"));
    assertThat(markdown).contains("| `flow-good` | **regressed** | 0.0% (0/5) | 100.0% | 0.0079 |");
    assertThat(Files.readString(stepSummary, StandardCharsets.UTF_8)).isEqualTo(markdown + "\n");
    Document html = Jsoup.parse(dir.resolve("out/second/report.html").toFile());
    assertThat(html.selectFirst("section#case-flow-good .verdict").text()).isEqualTo("regressed");
    assertThat(html.selectFirst("section#case-flow-good").text()).contains("p = 0.0079");
    assertThat(second.out()).contains("REGRESSED flow-good: 100.0% -> 0.0% (p = 0.0079)");
  }

  @Test
  void gatesOnTheWorstCasePassRate() {
    CliRun run = run("out/first.json", "--min-case-pass-rate", "0.6");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("case flow-bad passed 0.0%, below --min-case-pass-rate 60.0%");
  }

  @Test
  void reportRebuildsAnInterruptedRunFromItsIndex() throws Exception {
    assertThat(run("out/first.json").exitCode()).isZero();
    Path index = dir.resolve("out/first/index.jsonl");
    Files.write(index, Files.readAllLines(index).subList(0, 3));
    Files.delete(dir.resolve("out/first.json"));
    Files.delete(dir.resolve("out/first/report.html"));

    CliRun report = CliRun.of(dir, Map.of(), "report", "out/first");

    assertThat(report.exitCode()).as(report.err()).isZero();
    assertThat(report.out()).contains("7 of 10 planned attempts were not run");
    JsonNode summary = json("out/first.json");
    assertThat(summary.get("attemptCount").asInt()).isEqualTo(3);
    assertThat(summary.get("plannedAttemptCount").asInt()).isEqualTo(10);
    assertThat(dir.resolve("out/first/report.html")).exists();
    assertThat(Files.readString(dir.resolve("out/first/pr-comment.md")))
        .contains("**incomplete**: 3 of 10 attempts recorded");
  }

  @Test
  void compareWritesTheReportsForThePairAndGatesOnRegressions() throws Exception {
    assertThat(run("out/first.json").exitCode()).isZero();
    Files.writeString(cases.resolve("cases/flow.yaml"), suite("renamed_step"));
    assertThat(run("out/second.json", "--baseline", "out/nowhere.json").exitCode()).isZero();
    assertThat(json("out/second.json").get("comparison").get("status").asText())
        .isEqualTo("unreadable");

    CliRun compare =
        CliRun.of(dir, Map.of(), "compare", "out/first", "out/second.json", "--fail-on-regression");

    assertThat(compare.exitCode()).as(compare.err()).isEqualTo(1);
    Path pair = dir.resolve("out/second__vs__first");
    JsonNode comparison = Mappers.json().readTree(pair.resolve("comparison.json").toFile());
    assertThat(comparison.get("comparison").get("baseline").asText()).isEqualTo("out/first");
    assertThat(comparison.get("comparison").get("cases").get(0).get("verdict").asText())
        .isEqualTo("regressed");
    assertThat(pair.resolve("report.html")).exists();
    assertThat(pair.resolve("pr-comment.md")).exists();
    assertThat(pair.resolve("junit.xml")).exists();
    assertThat(dir.resolve("out/second/report.html")).exists();
    assertThat(Files.readString(pair.resolve("compare.html")))
        .contains("data-case=\"flow-good\" data-status=\"0\" data-change=\"broken\"");
    assertThat(compare.out()).contains("out/second__vs__first/compare.html");
  }

  @Test
  void reportRefusesSomethingThatIsNotARun() {
    CliRun report = CliRun.of(dir, Map.of(), "report", "suite");

    assertThat(report.exitCode()).isEqualTo(2);
    assertThat(report.err()).contains("not a run folder");
  }
}
