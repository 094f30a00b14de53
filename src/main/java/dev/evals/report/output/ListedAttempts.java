package dev.evals.report.output;

import dev.evals.report.AttemptSource;
import dev.evals.report.CaseSummary;
import dev.evals.report.Summary;
import dev.evals.run.AttemptRecord;
import java.util.List;
import java.util.function.Consumer;

/**
 * The attempts a {@link Summary} still lists per case, as an {@link AttemptSource}. A stopgap until
 * the summary stops holding every record: then the source reading {@code index.jsonl} replaces it.
 */
public final class ListedAttempts implements AttemptSource {

  private final Summary summary;

  private ListedAttempts(Summary summary) {
    this.summary = summary;
  }

  public static AttemptSource of(Summary summary) {
    return new ListedAttempts(summary);
  }

  @Override
  public List<String> caseIds() {
    return summary.cases().stream().map(CaseSummary::id).toList();
  }

  @Override
  public void forEachAttemptOf(String caseId, Consumer<AttemptRecord> sink) {
    CaseSummary c = summary.caseNamed(caseId);
    if (c != null) {
      c.attempts().forEach(sink);
    }
  }
}
