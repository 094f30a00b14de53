package dev.evals.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.evals.files.AtomicFile;
import dev.evals.json.FlatFields;
import dev.evals.json.Mappers;
import dev.evals.model.TokenUsage;
import dev.evals.report.stats.Interval;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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

  private static FlatFields fields(Summary s) {
    return new FlatFields()
        .put("version", s.version())
        .put("mode", s.mode())
        .put("createdAt", s.createdAt())
        .put("gitSha", s.gitSha())
        .put("runs", s.runs())
        .put("runModel", s.runModel())
        .put("judgeModel", s.judgeModel())
        .put("judge", s.judge())
        .put("caseCount", s.caseCount())
        .put("plannedAttemptCount", s.plannedAttemptCount())
        .put("attemptCount", s.attemptCount())
        .put("scoredAttempts", s.scoredAttempts())
        .put("passedAttempts", s.passedAttempts())
        .put("errorAttempts", s.errorAttempts())
        .put("passRate", s.passRate())
        .put("passRateWilson95", s.passRateWilson95())
        .put("passAtK", s.passAtK())
        .put("passHatK", s.passHatK())
        .put("passRatePerRun", s.passRatePerRun())
        .put("checkFailures", s.checkFailures())
        .put("averageDurationMs", s.averageDurationMs())
        .put("averagePassedDurationMs", s.averagePassedDurationMs())
        .put("averageJudgeScore", s.averageJudgeScore())
        .put("totalTokenUsage", s.totalTokenUsage())
        .put("averageTokenUsagePerAttempt", s.averageTokenUsagePerAttempt())
        .put("totalCostUsd", s.totalCostUsd())
        .put("judgeTokenUsage", s.judgeTokenUsage())
        .put("judgeCostUsd", s.judgeCostUsd())
        .put("failedCaseIds", s.failedCaseIds())
        .put("erroredCaseIds", s.erroredCaseIds())
        .put("noReferenceCaseIds", s.noReferenceCaseIds())
        .put("incompleteReferenceCaseIds", s.incompleteReferenceCaseIds())
        .put("judgeSkippedCaseIds", s.judgeSkippedCaseIds())
        .put("notRunAttempts", s.notRunAttempts())
        .put("runDirectory", s.runDirectory())
        .put(CASES, s.cases())
        .put("comparison", s.comparison())
        .put("modelCostUsd", s.modelCostUsd())
        .put("casesFileDigest", s.casesFileDigest())
        .put("toolVersion", s.toolVersion())
        .put("toolCommit", s.toolCommit())
        .put("promptCache", s.promptCache());
  }

  private static Map<String, JavaType> summaryTypes(TypeFactory types) {
    Map<String, JavaType> t = new LinkedHashMap<>();
    JavaType text = types.constructType(String.class);
    JavaType integer = types.constructType(int.class);
    JavaType tokens = types.constructType(TokenUsage.class);
    JavaType money = types.constructType(BigDecimal.class);
    JavaType ids = types.constructCollectionType(List.class, String.class);
    for (String name : List.of("mode", "createdAt", "gitSha", "runModel", "judgeModel", "judge")) {
      t.put(name, text);
    }
    for (String name : List.of("runDirectory", "casesFileDigest", "toolVersion", "toolCommit")) {
      t.put(name, text);
    }
    for (String name :
        List.of(
            "version",
            "runs",
            "caseCount",
            "plannedAttemptCount",
            "attemptCount",
            "scoredAttempts",
            "passedAttempts",
            "errorAttempts")) {
      t.put(name, integer);
    }
    t.put("passRate", types.constructType(double.class));
    t.put("passRateWilson95", types.constructType(Interval.class));
    t.put("passAtK", types.constructType(Double.class));
    t.put("passHatK", types.constructType(Double.class));
    t.put("passRatePerRun", types.constructCollectionType(List.class, Double.class));
    t.put("checkFailures", types.constructCollectionType(List.class, CheckFailure.class));
    t.put("averageDurationMs", types.constructType(long.class));
    t.put("averagePassedDurationMs", types.constructType(long.class));
    t.put("averageJudgeScore", types.constructType(Double.class));
    for (String name :
        List.of("totalTokenUsage", "averageTokenUsagePerAttempt", "judgeTokenUsage")) {
      t.put(name, tokens);
    }
    for (String name : List.of("totalCostUsd", "judgeCostUsd", "modelCostUsd")) {
      t.put(name, money);
    }
    for (String name :
        List.of(
            "failedCaseIds",
            "erroredCaseIds",
            "noReferenceCaseIds",
            "incompleteReferenceCaseIds",
            "judgeSkippedCaseIds",
            "notRunAttempts")) {
      t.put(name, ids);
    }
    t.put(CASES, types.constructCollectionType(List.class, CaseSummary.class));
    t.put("comparison", types.constructType(Comparison.class));
    t.put("promptCache", types.constructType(PromptCacheUse.class));
    return t;
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
      fields(summary).write(gen, provider);
      gen.writeEndObject();
    }
  }

  /** Reads the flat object, old summaries included (fields added later are null). */
  static final class Reader extends JsonDeserializer<Summary> {
    @Override
    public Summary deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Map<String, Object> read =
          FlatFields.read(p, ctxt, Summary.class, summaryTypes(ctxt.getTypeFactory()), Set.of());
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
      new FlatFields()
          .put("id", c.id())
          .put("attemptCount", c.attemptCount())
          .put("passedAttempts", c.passedAttempts())
          .put("errorAttempts", c.errorAttempts())
          .put("scoredAttempts", c.scoredAttempts())
          .put("passRate", c.passRate())
          .put("passRateWilson95", c.passRateWilson95())
          .put("passAtK", c.passAtK())
          .put("passHatK", c.passHatK())
          .put("averageDurationMs", c.averageDurationMs())
          .put("averageJudgeScore", c.averageJudgeScore())
          .put("averageTokenUsagePerAttempt", c.averageTokenUsagePerAttempt())
          .write(gen, provider);
      if (provider.getAttribute(AttemptSource.class) instanceof AttemptSource attempts) {
        gen.writeFieldName(ATTEMPTS);
        writeAttempts(attempts, c.id(), gen, provider);
      }
      new FlatFields()
          .put("modelCostUsd", c.modelCostUsd())
          .put("judgeCostUsd", c.judgeCostUsd())
          .put("totalCostUsd", c.totalCostUsd())
          .write(gen, provider);
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
      TypeFactory types = ctxt.getTypeFactory();
      Map<String, JavaType> t = new LinkedHashMap<>();
      t.put("id", types.constructType(String.class));
      for (String name :
          List.of("attemptCount", "passedAttempts", "errorAttempts", "scoredAttempts")) {
        t.put(name, types.constructType(int.class));
      }
      t.put("passRate", types.constructType(double.class));
      t.put("passRateWilson95", types.constructType(Interval.class));
      t.put("passAtK", types.constructCollectionType(List.class, Double.class));
      t.put("passHatK", types.constructCollectionType(List.class, Double.class));
      t.put("averageDurationMs", types.constructType(long.class));
      t.put("averageJudgeScore", types.constructType(Double.class));
      t.put("averageTokenUsagePerAttempt", types.constructType(TokenUsage.class));
      for (String name : List.of("modelCostUsd", "judgeCostUsd", "totalCostUsd")) {
        t.put(name, types.constructType(BigDecimal.class));
      }
      Map<String, Object> r = FlatFields.read(p, ctxt, CaseSummary.class, t, Set.of(ATTEMPTS));
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
