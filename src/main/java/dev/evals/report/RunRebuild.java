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

  /** The summary, without comparison, naming the run folder as given. */
  public static Summary summary(RunDirectory directory, String shownFolder) throws IOException {
    return SummaryBuilder.build(manifest(directory), directory.index().read(), shownFolder);
  }
}
