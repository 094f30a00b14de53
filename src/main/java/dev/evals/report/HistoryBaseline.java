package dev.evals.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The default baseline: the last history line that measured the same thing as the run, namely the
 * same mode, run model, judge model and case set (the same case ids; when the case file's digest
 * differs the comparison says so). Anything else would compare one model with another, so when no
 * line matches the answer is "none", with the reason.
 */
final class HistoryBaseline {

  /**
   * The outcome of the search: a baseline, or the reason there is none.
   *
   * @param baseline the matching line, or null
   * @param reason why no line matched, or null when one did
   */
  record Found(Baseline baseline, String reason) {}

  private HistoryBaseline() {}

  /**
   * Searches the history file from its end.
   *
   * @param skipCreatedAt lines started at this time are the run itself and skipped (null: none)
   * @param shown the file as shown to people
   */
  static Found latest(Path file, Summary run, String skipCreatedAt, String shown)
      throws IOException {
    if (!Files.isRegularFile(file)) {
      return new Found(null, "no history file " + shown);
    }
    List<JsonNode> lines = BaselineFile.historyLines(file);
    List<String> skipped = new ArrayList<>();
    for (int i = lines.size() - 1; i >= 0; i--) {
      JsonNode line = lines.get(i);
      if (skipCreatedAt != null && skipCreatedAt.equals(BaselineFile.text(line, "createdAt"))) {
        continue;
      }
      String mismatch = mismatch(line, run);
      if (mismatch == null) {
        return new Found(BaselineFile.fromJson(line, shown + " (line " + (i + 1) + ")"), null);
      }
      skipped.add(mismatch);
    }
    return new Found(null, reason(shown, run, skipped));
  }

  /** What differs between the line and the run, or null when it is a fair baseline. */
  static String mismatch(JsonNode line, Summary run) {
    if (!run.mode().equals(BaselineFile.text(line, "mode"))) {
      return "another mode";
    }
    if (!Objects.equals(run.runModel(), BaselineFile.text(line, "runModel"))) {
      return "another model";
    }
    if (!Objects.equals(run.judgeModel(), BaselineFile.text(line, "judgeModel"))) {
      return "another judge";
    }
    return caseIds(line).equals(caseIds(run)) ? null : "other cases";
  }

  private static Set<String> caseIds(JsonNode line) {
    Set<String> ids = new TreeSet<>();
    line.path("cases").forEach(c -> ids.add(c.path("id").asText()));
    return ids;
  }

  private static Set<String> caseIds(Summary run) {
    Set<String> ids = new TreeSet<>();
    run.cases().forEach(c -> ids.add(c.id()));
    return ids;
  }

  private static String reason(String shown, Summary run, List<String> skipped) {
    StringBuilder reason =
        new StringBuilder("no line of ")
            .append(shown)
            .append(" with mode ")
            .append(run.mode())
            .append(", model ")
            .append(run.runModel())
            .append(", judge ")
            .append(run.judgeModel() == null ? "off" : run.judgeModel())
            .append(" and this case set");
    if (!skipped.isEmpty()) {
      reason.append(" (").append(skipped.size()).append(" line(s) skipped: ");
      List<String> kinds = skipped.stream().distinct().toList();
      for (int k = 0; k < kinds.size(); k++) {
        String kind = kinds.get(k);
        long count = skipped.stream().filter(kind::equals).count();
        reason.append(k == 0 ? "" : ", ").append(count).append(" of ").append(kind);
      }
      reason.append(')');
    }
    return reason.toString();
  }
}
