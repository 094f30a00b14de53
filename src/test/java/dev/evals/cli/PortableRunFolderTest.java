package dev.evals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import dev.evals.testing.CasesRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing a command writes keeps an absolute path of the machine that wrote it, so a run folder
 * stays valid when moved, downloaded as a CI artifact or merged: paths in {@code run.json} are
 * relative to the working directory.
 */
class PortableRunFolderTest {

  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @TempDir Path dir;

  @BeforeEach
  void writeASuiteAndAPrompt() throws IOException {
    new CasesRoot(dir.resolve("suite"))
        .caseFile("flow", GoldenSuite.CASES)
        .file(
            "fixtures/complete.json",
            Files.readString(
                PROJECT.resolve("fixtures/flow/expected/single_step_temperature.json")))
        .file("fixtures/skeleton.json", GoldenSuite.SKELETON);
    Files.writeString(dir.resolve("prompt.md"), "You build Windmill flows.\n");
  }

  @Test
  void noWrittenFileNamesTheFolderItWasWrittenIn() throws IOException {
    List<CliRun> commands = new ArrayList<>();
    commands.add(run("--output", "out/run.json", "--record"));
    commands.add(evals("rescore", "out/run", "--judge", "off", "--output", "out/rescored.json"));
    commands.add(run("--shard", "1/2", "--output", "shards/s1.json"));
    commands.add(run("--shard", "2/2", "--output", "shards/s2.json"));
    commands.add(evals("merge", "shards/s1", "shards/s2", "--output", "out/merged.json"));
    commands.add(evals("compare", "out/run.json", "out/rescored.json"));
    commands.add(evals("report", "out/run"));
    commands.add(evals("history", "flow"));
    for (CliRun command : commands) {
      assertThat(command.exitCode()).as(command.err()).isZero();
    }

    List<String> absolute = new ArrayList<>();
    List<String> roots = List.of(dir.toString(), dir.toRealPath().toString());
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        if (roots.stream().anyMatch(text::contains)) {
          absolute.add(dir.relativize(file).toString());
        }
      }
    }
    assertThat(absolute).isEmpty();
    JsonNode manifest = Mappers.json().readTree(dir.resolve("out/run/run.json").toFile());
    assertThat(manifest.get("casesRoot").asText()).isEqualTo("suite");
    assertThat(manifest.get("systemPrompt").asText()).isEqualTo("prompt.md");
    JsonNode rescored = Mappers.json().readTree(dir.resolve("out/rescored/run.json").toFile());
    assertThat(rescored.get("rescoredFrom").asText()).isEqualTo("out/run");
  }

  @Test
  void aRunWrittenOutsideTheWorkingDirectoryNamesItRelatively() throws IOException {
    Files.createDirectories(dir.resolve("work"));
    Map<String, String> env = Map.of("GITHUB_SHA", GoldenSuite.COMMIT);
    String[] outside = {
      "run",
      "flow",
      "--model",
      "reference",
      "--cases-dir",
      "../suite",
      "--system-prompt",
      "../prompt.md",
      "--output",
      "../elsewhere/run.json"
    };
    List<CliRun> commands = new ArrayList<>();
    commands.add(CliRun.of(dir.resolve("work"), env, outside));
    commands.add(
        CliRun.of(
            dir.resolve("work"),
            env,
            "report",
            "../elsewhere/run",
            "--baseline",
            "../elsewhere/run.json"));
    for (CliRun command : commands) {
      assertThat(command.exitCode()).as(command.err()).isZero();
    }

    List<String> roots = List.of(dir.toString(), dir.toRealPath().toString());
    try (Stream<Path> files = Files.walk(dir.resolve("elsewhere"))) {
      assertThat(
              files
                  .filter(Files::isRegularFile)
                  .filter(file -> roots.stream().anyMatch(contentOf(file)::contains))
                  .map(file -> dir.relativize(file).toString()))
          .isEmpty();
    }
    JsonNode summary = Mappers.json().readTree(dir.resolve("elsewhere/run.json").toFile());
    assertThat(summary.get("runDirectory").asText()).isEqualTo("../elsewhere/run");
  }

  private static String contentOf(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aMovedRunFolderStillReportsAndResumes() throws IOException {
    assertThat(run("--output", "out/run.json").exitCode()).isZero();
    Path index = dir.resolve("out/run/index.jsonl");
    List<String> lines = Files.readAllLines(index);
    Files.write(index, lines.subList(0, lines.size() - 1));
    Files.move(dir.resolve("out"), dir.resolve("moved"));

    CliRun report = evals("report", "moved/run");
    assertThat(report.exitCode()).as(report.err()).isZero();
    assertThat(report.out()).contains("moved/run/report.html");

    CliRun resumed = evals("run", "--resume", "moved/run.json");
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains("Continuing with 1 attempt(s)");
    assertThat(Files.readAllLines(dir.resolve("moved/run/index.jsonl"))).hasSize(lines.size());
    JsonNode summary = Mappers.json().readTree(dir.resolve("moved/run.json").toFile());
    assertThat(summary.get("attemptCount").asInt()).isEqualTo(lines.size());
  }

  private CliRun run(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "flow",
                "--model",
                "reference",
                "--cases-dir",
                "suite",
                "--runs",
                "2",
                "--system-prompt",
                "prompt.md"));
    args.addAll(List.of(more));
    return evals(args.toArray(String[]::new));
  }

  private CliRun evals(String... args) {
    return CliRun.of(dir, Map.of("GITHUB_SHA", GoldenSuite.COMMIT), args);
  }
}
