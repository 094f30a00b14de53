package dev.evals.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import dev.evals.files.AtomicFile;
import dev.evals.json.FlatFields;
import dev.evals.json.FlatShape;
import dev.evals.json.Mappers;
import dev.evals.model.TokenUsage;
import dev.evals.report.stats.Interval;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code summary.json}: a {@link Summary} as one flat object with the field names and order it had
 * before its records were nested, every field written (null included). Each case carries its
 * attempts, which the writer streams from an {@link AttemptSource} one record at a time; the reader
 * passes over them (they are read on demand by {@link SummaryFileAttempts}).
 */
public final class SummaryJson {

  static final String CASES = "cases";
  static final String ATTEMPTS = "attempts";

  /** summary.json's fields in their order, each with the type it is read as. */
  private static final FlatShape<Summary> SUMMARY =
      FlatShape.of(Summary.class)
          .field("version", int.class, Summary::version)
          .field("mode", String.class, Summary::mode)
          .field("createdAt", String.class, Summary::createdAt)
          .field("gitSha", String.class, Summary::gitSha)
          .field("runs", int.class, Summary::runs)
          .field("runModel", String.class, Summary::runModel)
          .field("judgeModel", String.class, Summary::judgeModel)
          .field("judge", String.class, Summary::judge)
          .field("caseCount", int.class, Summary::caseCount)
          .field("plannedAttemptCount", int.class, Summary::plannedAttemptCount)
          .field("attemptCount", int.class, Summary::attemptCount)
          .field("scoredAttempts", int.class, Summary::scoredAttempts)
          .field("passedAttempts", int.class, Summary::passedAttempts)
          .field("errorAttempts", int.class, Summary::errorAttempts)
          .field("passRate", double.class, Summary::passRate)
          .field("passRateWilson95", Interval.class, Summary::passRateWilson95)
          .field("passAtK", Double.class, Summary::passAtK)
          .field("passHatK", Double.class, Summary::passHatK)
          .listOf("passRatePerRun", Double.class, Summary::passRatePerRun)
          .listOf("checkFailures", CheckFailure.class, Summary::checkFailures)
          .field("averageDurationMs", long.class, Summary::averageDurationMs)
          .field("averagePassedDurationMs", long.class, Summary::averagePassedDurationMs)
          .field("averageJudgeScore", Double.class, Summary::averageJudgeScore)
          .field("totalTokenUsage", TokenUsage.class, Summary::totalTokenUsage)
          .field(
              "averageTokenUsagePerAttempt", TokenUsage.class, Summary::averageTokenUsagePerAttempt)
          .field("totalCostUsd", BigDecimal.class, Summary::totalCostUsd)
          .field("judgeTokenUsage", TokenUsage.class, Summary::judgeTokenUsage)
          .field("judgeCostUsd", BigDecimal.class, Summary::judgeCostUsd)
          .listOf("failedCaseIds", String.class, Summary::failedCaseIds)
          .listOf("erroredCaseIds", String.class, Summary::erroredCaseIds)
          .listOf("noReferenceCaseIds", String.class, Summary::noReferenceCaseIds)
          .listOf("incompleteReferenceCaseIds", String.class, Summary::incompleteReferenceCaseIds)
          .listOf("judgeSkippedCaseIds", String.class, Summary::judgeSkippedCaseIds)
          .listOf("notRunAttempts", String.class, Summary::notRunAttempts)
          .field("runDirectory", String.class, Summary::runDirectory)
          .listOf(CASES, CaseSummary.class, Summary::cases)
          .field("comparison", Comparison.class, Summary::comparison)
          .field("modelCostUsd", BigDecimal.class, Summary::modelCostUsd)
          .field("casesFileDigest", String.class, Summary::casesFileDigest)
          .field("toolVersion", String.class, Summary::toolVersion)
          .field("toolCommit", String.class, Summary::toolCommit)
          .field("promptCache", PromptCacheUse.class, Summary::promptCache);

  /** A case's fields before its attempts. */
  private static final FlatShape<CaseSummary> CASE_FIGURES =
      FlatShape.of(CaseSummary.class)
          .field("id", String.class, CaseSummary::id)
          .field("attemptCount", int.class, CaseSummary::attemptCount)
          .field("passedAttempts", int.class, CaseSummary::passedAttempts)
          .field("errorAttempts", int.class, CaseSummary::errorAttempts)
          .field("scoredAttempts", int.class, CaseSummary::scoredAttempts)
          .field("passRate", double.class, CaseSummary::passRate)
          .field("passRateWilson95", Interval.class, CaseSummary::passRateWilson95)
          .listOf("passAtK", Double.class, CaseSummary::passAtK)
          .listOf("passHatK", Double.class, CaseSummary::passHatK)
          .field("averageDurationMs", long.class, CaseSummary::averageDurationMs)
          .field("averageJudgeScore", Double.class, CaseSummary::averageJudgeScore)
          .field(
              "averageTokenUsagePerAttempt",
              TokenUsage.class,
              CaseSummary::averageTokenUsagePerAttempt);

  /** A case's fields after its attempts. */
  private static final FlatShape<CaseSummary> CASE_COSTS =
      FlatShape.of(CaseSummary.class)
          .field("modelCostUsd", BigDecimal.class, CaseSummary::modelCostUsd)
          .field("judgeCostUsd", BigDecimal.class, CaseSummary::judgeCostUsd)
          .field("totalCostUsd", BigDecimal.class, CaseSummary::totalCostUsd);

  private SummaryJson() {}

  /** Writes the summary with each case's attempts from {@code attempts}, atomically. */
  public static void write(Path target, Summary summary, AttemptSource attempts)
      throws IOException {
    AtomicFile.write(
        target,
        out -> {
          try (JsonGenerator gen = Mappers.json().createGenerator(out)) {
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            Mappers.json()
                .writer()
                .withAttribute(AttemptSource.class, attempts)
                .writeValue(gen, summary);
          }
        });
  }

  private static Summary summaryOf(Map<String, Object> r) {
    return new Summary(
        new SummaryHeader(
            (int) FlatFields.number(r, "version"),
            FlatFields.value(r, "mode"),
            FlatFields.value(r, "createdAt"),
            (int) FlatFields.number(r, "runs"),
            FlatFields.value(r, "runModel"),
            FlatFields.value(r, "judgeModel"),
            FlatFields.value(r, "judge"),
            FlatFields.value(r, "runDirectory")),
        new SummaryProvenance(
            FlatFields.value(r, "gitSha"),
            FlatFields.value(r, "casesFileDigest"),
            FlatFields.value(r, "toolVersion"),
            FlatFields.value(r, "toolCommit")),
        new SummaryResults(
            new SummaryCounts(
                (int) FlatFields.number(r, "caseCount"),
                (int) FlatFields.number(r, "plannedAttemptCount"),
                (int) FlatFields.number(r, "attemptCount"),
                (int) FlatFields.number(r, "scoredAttempts"),
                (int) FlatFields.number(r, "passedAttempts"),
                (int) FlatFields.number(r, "errorAttempts")),
            new SuiteStatistics(
                FlatFields.fraction(r, "passRate"),
                FlatFields.value(r, "passRateWilson95"),
                FlatFields.value(r, "passAtK"),
                FlatFields.value(r, "passHatK"),
                FlatFields.value(r, "passRatePerRun"),
                FlatFields.value(r, "checkFailures")),
            new SummaryMeans(
                FlatFields.number(r, "averageDurationMs"),
                FlatFields.number(r, "averagePassedDurationMs"),
                FlatFields.value(r, "averageJudgeScore"))),
        new SummaryCosts(
            FlatFields.value(r, "totalTokenUsage"),
            FlatFields.value(r, "averageTokenUsagePerAttempt"),
            FlatFields.value(r, "totalCostUsd"),
            FlatFields.value(r, "modelCostUsd"),
            FlatFields.value(r, "judgeTokenUsage"),
            FlatFields.value(r, "judgeCostUsd"),
            FlatFields.value(r, "promptCache")),
        new SummaryCaseLists(
            FlatFields.value(r, "failedCaseIds"),
            FlatFields.value(r, "erroredCaseIds"),
            FlatFields.value(r, "noReferenceCaseIds"),
            FlatFields.value(r, "incompleteReferenceCaseIds"),
            FlatFields.value(r, "judgeSkippedCaseIds"),
            FlatFields.value(r, "notRunAttempts")),
        r.get(CASES) == null ? List.of() : FlatFields.value(r, CASES),
        FlatFields.value(r, "comparison"));
  }

  /** Writes the flat object. */
  static final class Writer extends JsonSerializer<Summary> {
    @Override
    public void serialize(Summary summary, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartObject();
      SUMMARY.write(summary, gen, provider);
      gen.writeEndObject();
    }
  }

  /** Reads the flat object, old summaries included (fields added later are null). */
  static final class Reader extends JsonDeserializer<Summary> {
    @Override
    public Summary deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Map<String, Object> read = SUMMARY.read(p, ctxt, Set.of());
      return FlatFields.build(p, Summary.class, () -> summaryOf(read));
    }
  }

  /**
   * Writes one case; its attempts, when the writer was given an {@link AttemptSource} as the
   * attribute of that class, come between its means and its costs.
   */
  static final class CaseWriter extends JsonSerializer<CaseSummary> {
    @Override
    public void serialize(CaseSummary c, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartObject();
      CASE_FIGURES.write(c, gen, provider);
      if (provider.getAttribute(AttemptSource.class) instanceof AttemptSource attempts) {
        gen.writeFieldName(ATTEMPTS);
        writeAttempts(attempts, c.id(), gen, provider);
      }
      CASE_COSTS.write(c, gen, provider);
      gen.writeEndObject();
    }

    private static void writeAttempts(
        AttemptSource attempts, String caseId, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartArray();
      try {
        attempts.forEachAttemptOf(
            caseId,
            record -> {
              try {
                provider.defaultSerializeValue(record, gen);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      gen.writeEndArray();
    }
  }

  /** Reads one case, passing over its attempts. */
  static final class CaseReader extends JsonDeserializer<CaseSummary> {
    @Override
    public CaseSummary deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Map<String, Object> r = CASE_FIGURES.read(p, ctxt, Set.of(ATTEMPTS), CASE_COSTS);
      return FlatFields.build(p, CaseSummary.class, () -> caseOf(r));
    }

    private static CaseSummary caseOf(Map<String, Object> r) {
      return new CaseSummary(
          FlatFields.value(r, "id"),
          new CaseSummary.Counts(
              (int) FlatFields.number(r, "attemptCount"),
              (int) FlatFields.number(r, "passedAttempts"),
              (int) FlatFields.number(r, "errorAttempts"),
              (int) FlatFields.number(r, "scoredAttempts")),
          new CaseSummary.Rates(
              FlatFields.fraction(r, "passRate"),
              FlatFields.value(r, "passRateWilson95"),
              FlatFields.value(r, "passAtK"),
              FlatFields.value(r, "passHatK")),
          new CaseSummary.Means(
              FlatFields.number(r, "averageDurationMs"),
              FlatFields.value(r, "averageJudgeScore"),
              FlatFields.value(r, "averageTokenUsagePerAttempt")),
          new CaseSummary.Costs(
              FlatFields.value(r, "modelCostUsd"),
              FlatFields.value(r, "judgeCostUsd"),
              FlatFields.value(r, "totalCostUsd")));
    }
  }
}
