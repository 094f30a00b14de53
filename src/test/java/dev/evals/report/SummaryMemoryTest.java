package dev.evals.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.json.Mappers;
import dev.evals.run.AttemptKey;
import dev.evals.run.AttemptOutcome;
import dev.evals.run.AttemptRecord;
import dev.evals.run.AttemptStatus;
import dev.evals.run.AttemptTiming;
import dev.evals.run.AttemptUsage;
import dev.evals.validate.Check;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary of 10,000 attempts is built and written in a JVM whose heap is smaller than the
 * records it reads, which only works when no list of every record is kept; the same heap is too
 * small for the records held in a list, which shows the bound is tight enough to tell. Not timed.
 */
class SummaryMemoryTest {

  private static final int CASES = 100;
  private static final int RUNS = 100;
  private static final String HEAP = "-Xmx32m";

  @TempDir Path dir;

  @Test
  void buildsTheSummaryOfTenThousandAttemptsInAHeapSmallerThanTheirRecords() throws Exception {
    long indexBytes = writeRun();
    assertThat(indexBytes).isGreaterThan(64L << 20);

    Probe streamed = probe("streamed");
    Probe held = probe("held");

    assertThat(streamed.exit()).as(streamed.output()).isZero();
    assertThat(streamed.output().strip()).isEqualTo(String.valueOf(CASES * RUNS));
    assertThat(Mappers.json().readTree(dir.resolve("summary.json").toFile()).get("cases"))
        .hasSize(CASES)
        .allSatisfy(c -> assertThat(c.get("attempts")).hasSize(RUNS));
    assertThat(held.exit()).as(held.output()).isNotZero();
    assertThat(held.output()).contains("OutOfMemoryError");
  }

  /** Writes run.json and an index of CASES x RUNS records of about 7 kB each. */
  private long writeRun() throws IOException {
    List<String> ids = new ArrayList<>();
    for (int c = 0; c < CASES; c++) {
      ids.add(String.format("case-%03d", c));
    }
    Mappers.json()
        .writeValue(dir.resolve("run.json").toFile(), SummaryBuilderTest.manifest(ids, RUNS, null));
    Path index = dir.resolve("index.jsonl");
    var line =
        Mappers.json()
            .copy()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
    try (BufferedWriter out = Files.newBufferedWriter(index, StandardCharsets.UTF_8)) {
      for (int n = 1; n <= RUNS; n++) {
        for (String id : ids) {
          out.write(line.writeValueAsString(record(id, n)));
          out.write('\n');
        }
      }
    }
    return Files.size(index);
  }

  private static AttemptRecord record(String id, int n) {
    boolean passed = n % 3 != 0;
    String detail = (id + " attempt " + n + " ").repeat(350);
    return new AttemptRecord(
        new AttemptKey(id, n),
        AttemptOutcome.of(
            AttemptStatus.OK,
            passed,
            List.of(Check.of("run succeeded", passed, "x"), Check.warn("notes", detail)),
            null,
            passed ? null : "failed"),
        AttemptUsage.NONE,
        new AttemptTiming(1000 + n, 2, 1, List.of("set_flow")),
        id + "/attempt-" + n);
  }

  private record Probe(int exit, String output) {}

  private Probe probe(String how) throws Exception {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP,
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                SummaryMemoryProbe.class.getName(),
                dir.toString(),
                how)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Probe(process.exitValue(), output);
  }
}
