package dev.evals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar as a user does, in a separate process. */
class ShadedJarIT {

  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @TempDir Path workDir;

  private Result java(String... args) throws IOException, InterruptedException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                PROJECT.resolve("target/evals.jar").toString()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(false).start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), out, err);
  }

  private record Result(int code, String out, String err) {}

  @Test
  void runsTheFlowSuiteWithTheReferenceModel() throws Exception {
    Result result = java("run", "flow", "--model", "reference", "--cases-dir", PROJECT.toString());

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("passed (100.0%)").contains("results/");
    assertThat(result.err()).contains("PASS").doesNotContain("SLF4J");
    try (var files = Files.list(workDir.resolve("results"))) {
      assertThat(files.filter(f -> f.toString().endsWith(".json"))).hasSize(1);
    }
  }

  @Test
  void exitsTwoWithOneLineOnBadInput() throws Exception {
    Result result = java("run", "flow", "--model", "nonsense", "--cases-dir", PROJECT.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(result.err()).startsWith("error: unknown model 'nonsense'");
  }

  @Test
  void printsTheVersionAndCommitFromItsManifest() throws Exception {
    Result result = java("--version");
    String commit;
    try (JarFile jar = new JarFile(PROJECT.resolve("target/evals.jar").toFile())) {
      commit = jar.getManifest().getMainAttributes().getValue("Evals-Commit");
    }

    assertThat(result.code()).isZero();
    assertThat(commit).matches("[0-9a-f]{40}|unknown");
    assertThat(result.out().strip()).isEqualTo("evals 0.1.0-SNAPSHOT (commit " + commit + ")");
  }
}
