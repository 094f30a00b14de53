package dev.evals.report.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report writer's memory does not grow with the attempts: 10,000 attempts with 40 KB
 * transcripts (400 MB had they been embedded, as report.html once did) are reported by a JVM whose
 * whole heap is 64 MB. Not timed; the child prints its figures.
 */
class ReportMemoryTest {

  @TempDir Path dir;

  @Test
  void writesTheReportsOfTenThousandAttemptsInASixtyFourMegabyteHeap() throws Exception {
    Path run = Files.createDirectories(dir.resolve("run"));
    Path log = dir.resolve("child.log");
    Process child =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    System.getProperty("java.class.path"),
                    ReportUnderSmallHeap.class.getName(),
                    run.toString(),
                    "1000",
                    "10"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean ended = child.waitFor(10, TimeUnit.MINUTES);
    if (!ended) {
      child.destroyForcibly();
    }
    String output = Files.readString(log);
    System.out.print(output);

    assertThat(ended).as("the child ended").isTrue();
    assertThat(child.exitValue()).as(output).isZero();
    assertThat(output).contains("10000 attempts: reports in");
    assertThat(count(run.resolve("report.html"), "class=\"attempt-page\"")).isEqualTo(10_000);
    assertThat(count(run.resolve("report.html"), "<section class=\"case\" id=\"case-"))
        .isEqualTo(1000);
    assertThat(run.resolve("pool/folder-7/attempt.html")).isRegularFile();
    try (var files = Files.list(run)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .filteredOn(name -> name.startsWith("system-prompt-"))
          .hasSize(3);
    }
  }

  /** Occurrences of the text, read line by line. */
  private static long count(Path file, String text) throws IOException {
    long count = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        for (int at = line.indexOf(text); at >= 0; at = line.indexOf(text, at + 1)) {
          count++;
        }
      }
    }
    return count;
  }
}
