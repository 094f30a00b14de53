package dev.evals.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.cli.EvalsCli;
import dev.evals.json.Mappers;
import dev.evals.report.Terminal;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite written in Windmill's ai_evals layout (fixture paths from the repository root, skeleton
 * and missing references, schedules and triggers) loads and runs unchanged.
 */
class WindmillLayoutTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
  private static final List<String> CASE_IDS =
      List.of(
          "flow-compat01-word-stats",
          "flow-compat02-low-stock-skip-judge",
          "flow-compat03-no-expected",
          "flow-compat04-skeleton-expected",
          "flow-compat05-workspace-ts-paths",
          "flow-compat06-schedule-current-flow",
          "flow-compat07-http-trigger-current-flow",
          "flow-compat08-bare-branch-skeleton",
          "flow-compat09-undeclared-inputs");

  @TempDir Path workDir;

  private final Path casesDir = casesDir();

  @Test
  void listsEveryCaseOfTheWindmillLayout() {
    Result result = cli("cases", "flow", "--cases-dir", casesDir.toString());

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains(CASE_IDS);
  }

  @Test
  void theReferenceModelRunsTheSuiteLeavingTheCasesDirAlone() throws IOException {
    List<Path> before = filesUnder(casesDir);

    Result result =
        cli(
            "run",
            "flow",
            "--cases-dir",
            casesDir.toString(),
            "--model",
            "reference",
            "--output",
            "run.json");

    assertThat(result.code()).as(result.err()).isIn(0, 1);
    assertThat(result.out() + result.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(filesUnder(casesDir)).isEqualTo(before);
    JsonNode run = Mappers.json().readTree(workDir.resolve("run.json").toFile());
    assertThat(passed(run, "flow-compat01-word-stats")).isTrue();
    assertThat(passed(run, "flow-compat02-low-stock-skip-judge")).isTrue();
    assertThat(passed(run, "flow-compat05-workspace-ts-paths")).isTrue();
    // No reference, a skeleton reference, or tools the reference never calls: these cannot pass.
    assertThat(passed(run, "flow-compat03-no-expected")).isFalse();
    assertThat(passed(run, "flow-compat04-skeleton-expected")).isFalse();
    assertThat(passed(run, "flow-compat06-schedule-current-flow")).isFalse();
    assertThat(passed(run, "flow-compat07-http-trigger-current-flow")).isFalse();
    assertThat(passed(run, "flow-compat08-bare-branch-skeleton")).isFalse();
    assertThat(texts(run.path("incompleteReferenceCaseIds")))
        .containsExactlyInAnyOrder(
            "flow-compat04-skeleton-expected",
            "flow-compat06-schedule-current-flow",
            "flow-compat08-bare-branch-skeleton",
            "flow-compat09-undeclared-inputs");
    assertThat(texts(run.path("noReferenceCaseIds")))
        .containsExactlyInAnyOrder(
            "flow-compat03-no-expected", "flow-compat07-http-trigger-current-flow");
    assertThat(result.out()).contains("cannot call create_schedule");
    assertThat(result.out())
        .contains("reads flow_input.width, but the input schema has no property");
  }

  @Test
  void theReferenceModelRunsTheScriptSuiteAndReportsAnUncallableToolAsIncomplete()
      throws IOException {
    Result result =
        cli(
            "run",
            "script",
            "--cases-dir",
            casesDir.toString(),
            "--model",
            "reference",
            "--output",
            "script.json");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out() + result.err()).doesNotContain("Exception").doesNotContain("\tat ");
    JsonNode run = Mappers.json().readTree(workDir.resolve("script.json").toFile());
    assertThat(passed(run, "script-compat01-shout")).isTrue();
    assertThat(texts(run.path("incompleteReferenceCaseIds")))
        .containsExactly("script-compat02-shout-schedule");
  }

  @Test
  void theReferenceModelRunsTheCliSuiteAndReportsSnippetAndMissingReferences() throws IOException {
    Result result =
        cli(
            "run",
            "cli",
            "--cases-dir",
            casesDir.toString(),
            "--model",
            "reference",
            "--output",
            "cli.json");

    assertThat(result.code()).as(result.err()).isIn(0, 1);
    assertThat(result.out() + result.err()).doesNotContain("Exception").doesNotContain("\tat ");
    JsonNode run = Mappers.json().readTree(workDir.resolve("cli.json").toFile());
    assertThat(passed(run, "cli-compat01-shout-script")).isTrue();
    // A guidance case with no expected answer has no reference: its answer would be read from
    // the very cliExpect that checks it.
    assertThat(texts(run.path("noReferenceCaseIds"))).containsExactly("cli-compat03-push-guidance");
    assertThat(texts(run.path("incompleteReferenceCaseIds")))
        .containsExactly("cli-compat02-reuse-shout");
    assertThat(result.out()).contains("shout_twice__flow/flow.yaml has no value.modules list");
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new java.util.ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  private static boolean passed(JsonNode run, String caseId) {
    for (JsonNode item : run.path("cases")) {
      if (item.path("id").asText().equals(caseId)) {
        return item.path("attemptCount").asInt() > 0
            && item.path("passedAttempts").asInt() == item.path("attemptCount").asInt();
      }
    }
    throw new AssertionError("case " + caseId + " is missing from run.json: " + run);
  }

  private Result cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        EvalsCli.run(
            args,
            new PrintWriter(out),
            new PrintWriter(err),
            Map.of(),
            workDir,
            CLOCK,
            Terminal.NONE);
    return new Result(code, out.toString(), err.toString());
  }

  private static List<Path> filesUnder(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.sorted().toList();
    }
  }

  private static Path casesDir() {
    try {
      return Path.of(WindmillLayoutTest.class.getResource("/windmill-layout/ai_evals").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Result(int code, String out, String err) {}
}
