package dev.evals.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunDirectoryTest {

  @TempDir Path dir;

  @Test
  void namesTheSummaryByTimeModeAndModel() {
    RunDirectory run =
        RunDirectory.defaultFor(
            dir, Instant.parse("2026-11-24T21:56:15Z"), "flow", "openai-compatible:llama3");

    assertThat(run.summaryFile().getFileName())
        .hasToString("2026-11-24T21-56-15Z__flow__openai-compatible_llama3.json");
    assertThat(run.folder().getFileName())
        .hasToString("2026-11-24T21-56-15Z__flow__openai-compatible_llama3");
  }

  @Test
  void putsArtifactsInTheSiblingFolderOfAnOutputPath() {
    RunDirectory run = RunDirectory.at(dir.resolve("out/summary.json"));

    assertThat(run.folder()).isEqualTo(dir.resolve("out/summary"));
    assertThat(run.manifestFile()).isEqualTo(dir.resolve("out/summary/run.json"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "../..", "../../etc", "a/../../b"})
  void refusesCaseIdsThatLeaveTheRun(String caseId) throws IOException {
    RunDirectory run = RunDirectory.at(dir.resolve("run.json")).create();

    assertThatThrownBy(() -> run.attemptFolder(caseId, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"../escape.txt", "/tmp/escape.txt", "a/../../escape.txt", "."})
  void refusesArtifactPathsThatLeaveTheAttempt(String path) throws IOException {
    AttemptFolder folder =
        RunDirectory.at(dir.resolve("run.json")).create().attemptFolder("case-a", 1);

    assertThatThrownBy(() -> folder.write(path, "x")).isInstanceOf(IllegalArgumentException.class);
    assertThat(dir.resolve("escape.txt")).doesNotExist();
  }

  @Test
  void writesArtifactsInsideTheAttempt() throws IOException {
    AttemptFolder folder =
        RunDirectory.at(dir.resolve("run.json")).create().attemptFolder("case-a", 2);
    folder.write("frontend/index.tsx", "x");

    assertThat(folder.relativeToRun()).isEqualTo("case-a/attempt-2");
    assertThat(Files.readString(dir.resolve("run/case-a/attempt-2/frontend/index.tsx")))
        .isEqualTo("x");
  }
}
