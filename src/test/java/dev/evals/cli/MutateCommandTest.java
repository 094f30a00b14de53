package dev.evals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import dev.evals.report.Terminal;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MutateCommandTest {

  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path workDir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void measuresAShippedCaseAndWritesTheTableAndTheJsonReport() throws IOException {
    int code = run("mutate", "flow", "flow-single-step-celsius", "--cases-dir", PROJECT.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("flow mutants: 1 case(s) measured, 0 control(s) failing")
        .contains("placeholder-code")
        .contains("semantic (semantic)")
        .contains("structural total");
    Path written = workDir.resolve("results/2026-12-01T10-00-00Z__flow__mutate.json");
    JsonNode report = Mappers.json().readTree(written.toFile());
    assertThat(report.path("controls").get(0).path("passed").asBoolean()).isTrue();
    assertThat(report.path("classes").findValuesAsText("name")).contains("language-unknown");
  }

  @Test
  void onlyTheChosenClassesAreSeeded() throws IOException {
    int code =
        run(
            "mutate",
            "script",
            "--classes",
            "language-unknown,missing-main",
            "--cases-dir",
            PROJECT.toString(),
            "--output",
            "m.json");

    assertThat(code).as(err.toString()).isZero();
    JsonNode report = Mappers.json().readTree(workDir.resolve("m.json").toFile());
    assertThat(report.path("classes").findValuesAsText("name"))
        .containsExactly("language-unknown", "missing-main");
  }

  @Test
  void measuresWindmillsOwnLayoutIgnoringToolsTheReferenceNeverCalls() throws Exception {
    Path windmill = Path.of(getClass().getResource("/windmill-layout/ai_evals").toURI());

    int code = run("mutate", "script", "--cases-dir", windmill.toString(), "--output", "m.json");

    assertThat(code).as(out.toString()).isZero();
    JsonNode report = Mappers.json().readTree(workDir.resolve("m.json").toFile());
    assertThat(report.path("controls").findValuesAsText("caseId"))
        .contains("script-compat02-shout-schedule");
    assertThat(out.toString()).contains("0 control(s) failing");
  }

  @Test
  void aFailingControlExitsWithOne() throws IOException {
    Path cases = workDir.resolve("suite");
    Files.createDirectories(cases.resolve("cases"));
    Files.createDirectories(cases.resolve("fixtures"));
    Files.copy(
        PROJECT.resolve("fixtures/flow/expected/single_step_temperature.json"),
        cases.resolve("fixtures/celsius.json"));
    Files.writeString(
        cases.resolve("cases/flow.yaml"),
        "- id: wrong-rule\n"
            + "  prompt: convert celsius\n"
            + "  expected: fixtures/celsius.json\n"
            + "  validate:\n"
            + "    exactTopLevelStepIds: [something_else]\n");

    int code = run("mutate", "flow", "--cases-dir", cases.toString(), "--output", "m.json");

    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("CONTROL FAILS wrong-rule");
  }

  @Test
  void aModeThatDerivesNoDefectsIsBadInput() {
    int code = run("mutate", "app", "--cases-dir", PROJECT.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("mutate app is not supported");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aCatchRateOutsideZeroToOneIsBadInput() {
    int code = run("mutate", "flow", "--min-catch-rate", "1.5", "--cases-dir", PROJECT.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--min-catch-rate must be between 0 and 1");
  }

  private int run(String... args) {
    return EvalsCli.run(
        args, new PrintWriter(out), new PrintWriter(err), Map.of(), workDir, CLOCK, Terminal.NONE);
  }
}
