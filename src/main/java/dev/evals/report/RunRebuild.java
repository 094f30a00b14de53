package dev.evals.report;

import dev.evals.run.RunDirectory;
import dev.evals.run.RunManifest;
import java.io.IOException;
import java.nio.file.Files;

/** Rebuilds a run's summary from {@code run.json} and {@code index.jsonl}, finished or not. */
public final class RunRebuild {

  private RunRebuild() {}

  public static RunManifest manifest(RunDirectory directory) throws IOException {
    if (!Files.isRegularFile(directory.manifestFile())) {
      throw new IOException("not a run folder (no run.json): " + directory.folder());
    }
    return directory.readManifest();
  }

  /** The run's attempts, read from {@code index.jsonl} case by case when asked. */
  public static AttemptSource attempts(RunDirectory directory, RunManifest manifest)
      throws IOException {
    return IndexAttempts.open(directory.index().file(), manifest.caseIds());
  }

  /** The summary, without comparison, naming the run folder as given. */
  public static Summary summary(RunDirectory directory, String shownFolder) throws IOException {
    RunManifest manifest = manifest(directory);
    return SummaryBuilder.build(manifest, attempts(directory, manifest), shownFolder);
  }
}
