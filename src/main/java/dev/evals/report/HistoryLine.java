package dev.evals.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.evals.json.FlatFields;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * One line of {@code history/<mode>.jsonl}: a full-suite run, condensed for tracking pass rates
 * commit by commit. It reuses the summary's parts, and is written as one flat object whose field
 * names and order predate that nesting ({@link Writer}); {@code totalCostUsd} is the model under
 * test plus the judge, {@code modelCostUsd} and {@code judgeCostUsd} its two parts. History files
 * are read as JSON trees ({@code history/HistoryFile}, {@link BaselineFile}), so lines of every age
 * read alike.
 *
 * @param header what ran (its judge sentence, version and run folder are not written)
 * @param provenance which suite and which tool
 * @param counts cases and attempts (planned and scored attempts are not written)
 * @param passRate passed over scored attempts
 * @param means mean durations and judge score
 * @param costs tokens and money (total tokens, judge tokens and prompt cache are not written)
 * @param failedCaseIds cases with at least one failed scored attempt
 * @param cases one line per case
 */
@JsonSerialize(using = HistoryLine.Writer.class)
public record HistoryLine(
    SummaryHeader header,
    SummaryProvenance provenance,
    SummaryCounts counts,
    double passRate,
    SummaryMeans means,
    SummaryCosts costs,
    List<String> failedCaseIds,
    List<CaseLine> cases) {

  public HistoryLine {
    Objects.requireNonNull(header, "header");
    failedCaseIds = List.copyOf(failedCaseIds);
    cases = List.copyOf(cases);
  }

  /**
   * One case of a history line; its costs are model under test, judge, and their sum.
   *
   * @param id the case
   * @param counts its attempts: recorded, passed, scored (errors are not written)
   * @param passRate passed over scored attempts
   * @param means mean duration, judge score and tokens
   * @param costs model under test, judge, and their sum
   */
  @JsonSerialize(using = CaseLineWriter.class)
  public record CaseLine(
      String id,
      CaseSummary.Counts counts,
      double passRate,
      CaseSummary.Means means,
      CaseSummary.Costs costs) {}

  public static HistoryLine of(Summary summary) {
    return new HistoryLine(
        summary.header(),
        summary.provenance(),
        summary.counts(),
        summary.passRate(),
        summary.means(),
        summary.costs(),
        summary.failedCaseIds(),
        summary.cases().stream()
            .map(c -> new CaseLine(c.id(), c.counts(), c.passRate(), c.means(), c.costs()))
            .toList());
  }

  /** Writes the flat line, every field present (null included). */
  static final class Writer extends JsonSerializer<HistoryLine> {
    @Override
    public void serialize(HistoryLine line, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartObject();
      new FlatFields()
          .put("createdAt", line.header().createdAt())
          .put("gitSha", line.provenance().gitSha())
          .put("mode", line.header().mode())
          .put("runs", line.header().runs())
          .put("runModel", line.header().runModel())
          .put("judgeModel", line.header().judgeModel())
          .put("caseCount", line.counts().caseCount())
          .put("attemptCount", line.counts().attemptCount())
          .put("passedAttempts", line.counts().passedAttempts())
          .put("errorAttempts", line.counts().errorAttempts())
          .put("passRate", line.passRate())
          .put("averageDurationMs", line.means().averageDurationMs())
          .put("averagePassedDurationMs", line.means().averagePassedDurationMs())
          .put("averageJudgeScore", line.means().averageJudgeScore())
          .put("averageTokenUsagePerAttempt", line.costs().averageTokenUsagePerAttempt())
          .put("totalCostUsd", line.costs().totalCostUsd())
          .put("failedCaseIds", line.failedCaseIds())
          .put("cases", line.cases())
          .put("modelCostUsd", line.costs().modelCostUsd())
          .put("judgeCostUsd", line.costs().judgeCostUsd())
          .put("casesFileDigest", line.provenance().casesFileDigest())
          .put("toolVersion", line.provenance().toolVersion())
          .put("toolCommit", line.provenance().toolCommit())
          .write(gen, provider);
      gen.writeEndObject();
    }
  }

  /** Writes one flat case of a line, leaving null fields out as it always did. */
  static final class CaseLineWriter extends JsonSerializer<CaseLine> {
    @Override
    public void serialize(CaseLine c, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartObject();
      // A case line never wrote its nulls (an unjudged case has no averageJudgeScore field).
      new FlatFields()
          .leavingNullsOut()
          .put("id", c.id())
          .put("attemptCount", c.counts().attemptCount())
          .put("passedAttempts", c.counts().passedAttempts())
          .put("scoredAttempts", c.counts().scoredAttempts())
          .put("passRate", c.passRate())
          .put("averageDurationMs", c.means().averageDurationMs())
          .put("averageJudgeScore", c.means().averageJudgeScore())
          .put("averageTokenUsagePerAttempt", c.means().averageTokenUsagePerAttempt())
          .put("modelCostUsd", c.costs().modelCostUsd())
          .put("judgeCostUsd", c.costs().judgeCostUsd())
          .put("totalCostUsd", c.costs().totalCostUsd())
          .write(gen, provider);
      gen.writeEndObject();
    }
  }
}
