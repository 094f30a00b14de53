package dev.evals.suite;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code evals merge} was asked to do.
 *
 * @param parts the shard run folders or their summary files, as given
 * @param output the merged summary path, or null for the default under results/
 * @param move move the attempt folders into the merged run instead of linking their files
 * @param record append one history line per merged run
 * @param gates the CI gates the merged runs are held to
 */
public record MergeRequest(
    List<Path> parts, Path output, boolean move, boolean record, RunRequest.Gates gates) {

  public MergeRequest {
    parts = List.copyOf(parts);
    if (parts.isEmpty()) {
      throw new UsageException("merge needs the shard run folders (or their summaries) to join");
    }
    Double minPassRate = gates.minPassRate();
    if (minPassRate != null && (minPassRate < 0 || minPassRate > 1)) {
      throw UsageException.about(Setting.MIN_PASS_RATE, " must be between 0 and 1");
    }
    if (output != null && !output.getFileName().toString().endsWith(".json")) {
      throw UsageException.about(
          Setting.OUTPUT, " names the summary file and must end in .json, got '" + output + "'");
    }
  }
}
