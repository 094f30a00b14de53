package dev.evals.report;

import dev.evals.json.Mappers;
import dev.evals.run.AttemptIndex;
import dev.evals.run.RunManifest;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Run by {@link SummaryMemoryTest} in a JVM of its own with a small heap: builds and writes the
 * summary of a run folder's {@code run.json} and {@code index.jsonl}, streamed ({@code streamed})
 * or from every record held in a list ({@code held}), and prints the attempts it counted.
 */
final class SummaryMemoryProbe {

  private SummaryMemoryProbe() {}

  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args[0]);
    RunManifest manifest =
        Mappers.json().readValue(folder.resolve("run.json").toFile(), RunManifest.class);
    Path index = folder.resolve("index.jsonl");
    AttemptSource attempts =
        args[1].equals("held")
            ? new HeldAttempts(manifest.caseIds(), new AttemptIndex(index).read())
            : IndexAttempts.open(index, manifest.caseIds());
    Summary summary = SummaryBuilder.build(manifest, attempts, folder.toString());
    SummaryJson.write(folder.resolve("summary.json"), summary, attempts);
    System.out.println(summary.attemptCount());
  }
}
