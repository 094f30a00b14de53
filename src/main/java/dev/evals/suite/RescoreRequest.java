package dev.evals.suite;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the user asked {@code evals rescore} to do.
 *
 * @param run the earlier run: its folder or its summary file
 * @param judgeModel the judge model name, or null for the original run's judge
 * @param judgeOff whether the judge is turned off
 * @param output summary path of the new run, or null for the default under results/
 * @param casesRoot the root holding cases/ and fixtures/, or null for the original run's
 */
public record RescoreRequest(
    Path run, String judgeModel, boolean judgeOff, Path output, Path casesRoot) {

  public RescoreRequest {
    Objects.requireNonNull(run, "run");
    if (output != null && !output.getFileName().toString().endsWith(".json")) {
      throw UsageException.about(
          Setting.OUTPUT,
          " names the summary file and must end in .json, got '"
              + output
              + "' (artifacts go to the sibling folder of the same name)");
    }
    if (judgeOff && judgeModel != null) {
      throw UsageException.about(
          Setting.JUDGE, " off and ", Setting.JUDGE_MODEL, " contradict each other");
    }
  }
}
