package dev.evals.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunDirectoryTest {

  @TempDir Path dir;

  @Test
  void namesTheSummaryByTimeToTheMillisecondARandomSuffixModeAndModel() {
    RunDirectory run =
        RunDirectory.defaultFor(
            dir,
            Instant.parse("2026-11-24T21:56:15.042Z"),
            "flow",
            "openai-compatible:llama3",
            new Random(7));

    assertThat(run.summaryFile().getFileName())
        .hasToString("2026-11-24T21-56-15.042Z-qu7e__flow__openai-compatible_llama3.json");
    assertThat(run.folder().getFileName())
        .hasToString("2026-11-24T21-56-15.042Z-qu7e__flow__openai-compatible_llama3");
  }

  @Test
  void twoRunsStartedAtTheSameMillisecondGetTwoNames() {
    Instant now = Instant.parse("2026-11-24T21:56:15.042Z");
    Random random = new Random(7);

    assertThat(RunDirectory.defaultFor(dir, now, "flow", "haiku", random).folder())
        .isNotEqualTo(RunDirectory.defaultFor(dir, now, "flow", "haiku", random).folder());
  }

  @Test
  void ofTwoClaimsOnOneFolderOnlyTheFirstSucceeds() throws IOException {
    RunDirectory run = RunDirectory.at(dir.resolve("out/run.json"));
    Instant now = Instant.parse("2026-11-24T21:56:15Z");

    try (RunLock first = run.createExclusively(now)) {
      assertThat(first).isNotNull();
      assertThatThrownBy(() -> run.createExclusively(now))
          .isInstanceOf(FileAlreadyExistsException.class);
    }
  }

  @Test
  void aSecondLockOnARunFolderIsRefusedNamingTheHolder() throws IOException {
    RunDirectory run = RunDirectory.at(dir.resolve("run.json")).create();

    try (RunLock held = run.lock(Instant.parse("2026-11-24T21:56:15Z"))) {
      assertThatThrownBy(() -> run.lock(Instant.parse("2026-11-24T22:00:00Z")))
          .isInstanceOf(RunFolderException.class)
          .hasMessageContaining("is in use by another evals process")
          .hasMessageContaining("pid " + ProcessHandle.current().pid())
          .hasMessageContaining("started 2026-11-24T21:56:15Z");
    }
    try (RunLock again = run.lock(Instant.parse("2026-11-24T22:00:00Z"))) {
      assertThat(Files.readString(run.folder().resolve("run.lock")))
          .contains("started 2026-11-24T22:00:00Z");
    }
  }

  @Test
  void refusesAnOutputUnderARegularFileAsNotAFolder() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "mine");
    RunDirectory run = RunDirectory.at(dir.resolve("notes.txt/run.json"));

    assertThatThrownBy(() -> run.createExclusively(Instant.EPOCH))
        .isInstanceOf(NotDirectoryException.class);
    assertThat(dir.resolve("notes.txt")).hasContent("mine");
  }

  @Test
  void reportsACorruptRunJsonWithItsFileAndLine() throws IOException {
    RunDirectory run = RunDirectory.at(dir.resolve("run.json")).create();
    Files.writeString(run.manifestFile(), "{\n  \"version\" : 1,\n  \"mode\" : ");

    assertThatThrownBy(run::readManifest)
        .isInstanceOf(RunFolderException.class)
        .hasMessageStartingWith(run.manifestFile() + ":3: not a readable run.json (")
        .hasMessageNotContaining("\n");
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
