package dev.evals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.testing.CasesRoot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deprecated models warn and retired ones are refused, before any model is called. */
class ModelLifecycleTest {

  private static final Clock DECEMBER_2026 =
      Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
  private static final Clock FEBRUARY_2027 =
      Clock.fixed(Instant.parse("2027-02-01T09:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @BeforeEach
  void writeASuite() {
    new CasesRoot(dir.resolve("suite")).caseFile("flow", "- id: flow-a\n  prompt: Build a flow.\n");
  }

  @Test
  void refusesARetiredModelNamingItsReplacement() {
    CliRun run =
        CliRun.at(
            FEBRUARY_2027,
            dir,
            Map.of("OPENAI_API_KEY", "sk-test"),
            "run",
            "flow",
            "--model",
            "4o",
            "--judge",
            "off",
            "--cases-dir",
            "suite");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("error: 4o (gpt-4o) retired on 2027-01-14; use gpt-5.5 instead")
        .doesNotContain("Exception");
    assertThat(dir.resolve("results")).doesNotExist();
  }

  @Test
  void refusesARetiredJudgeToo() {
    CliRun run =
        CliRun.at(
            FEBRUARY_2027,
            dir,
            Map.of(),
            "run",
            "flow",
            "--model",
            "reference",
            "--judge-model",
            "4o",
            "--cases-dir",
            "suite");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("4o (gpt-4o) retired on 2027-01-14");
  }

  @Test
  void refusesARetiredJudgeForARescore() {
    CliRun first =
        CliRun.at(
            DECEMBER_2026,
            dir,
            Map.of(),
            "run",
            "flow",
            "--model",
            "reference",
            "--cases-dir",
            "suite",
            "--output",
            "out/run.json");
    assertThat(first.err()).doesNotContain("Exception");

    CliRun rescore =
        CliRun.at(FEBRUARY_2027, dir, Map.of(), "rescore", "out/run", "--judge-model", "4o");

    assertThat(rescore.exitCode()).isEqualTo(2);
    assertThat(rescore.err()).contains("4o (gpt-4o) retired on 2027-01-14; use gpt-5.5 instead");
  }

  @Test
  void warnsOnADeprecatedModelInOneLineBeforeTheRun() {
    CliRun run =
        CliRun.at(
            DECEMBER_2026,
            dir,
            Map.of(),
            "run",
            "flow",
            "--model",
            "4o",
            "--judge",
            "off",
            "--cases-dir",
            "suite");

    assertThat(run.err())
        .startsWith(
            "warning: 4o (gpt-4o) is deprecated and retires 2027-01-14; use gpt-5.5 instead\n");
    // The key check comes after the warning: nothing was sent.
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("OPENAI_API_KEY is not set");
  }

  @Test
  void listsEachModelsLifecycleAndOptions() {
    CliRun run = CliRun.at(DECEMBER_2026, dir, Map.of(), "models");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .containsPattern("4o .*deprecated, retires 2027-01-14 \\(use gpt-5\\.5\\)")
        .containsPattern("opus-thinking .*active +effort=high forced_tool=false thinking=adaptive")
        .containsPattern("sonnet .*claude-sonnet-5-5 .*active");
  }
}
