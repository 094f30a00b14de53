package dev.evals.report;

import dev.evals.json.Mappers;
import dev.evals.model.ModelRegistry;
import dev.evals.model.ModelSpec;
import dev.evals.model.Price;
import dev.evals.model.TokenUsage;
import dev.evals.run.AttemptRecord;
import dev.evals.run.AttemptStatus;
import dev.evals.run.RunManifest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds the summary of a run from its manifest and its recorded attempts. */
public final class SummaryBuilder {

  private SummaryBuilder() {}

  private static List<String> withStatus(List<CaseSummary> cases, AttemptStatus status) {
    return cases.stream().filter(c -> c.has(status)).map(CaseSummary::id).toList();
  }

  private static List<String> notRun(RunManifest manifest, List<AttemptRecord> records) {
    Set<String> recorded =
        records.stream().map(a -> a.key().toString()).collect(Collectors.toSet());
    List<String> missing = new ArrayList<>(manifest.plannedKeys());
    missing.removeAll(recorded);
    return missing;
  }

  public static Summary build(
      RunManifest manifest, List<AttemptRecord> records, String runDirectory) {
    Map<String, List<AttemptRecord>> byCase = new LinkedHashMap<>();
    manifest.caseIds().forEach(id -> byCase.put(id, new ArrayList<>()));
    records.forEach(r -> byCase.computeIfAbsent(r.caseId(), id -> new ArrayList<>()).add(r));
    List<CaseSummary> cases =
        byCase.entrySet().stream().map(e -> CaseSummary.of(e.getKey(), e.getValue())).toList();

    List<AttemptRecord> passed = records.stream().filter(AttemptRecord::passed).toList();
    int errors = (int) records.stream().filter(AttemptRecord::executionError).count();
    int scored = (int) records.stream().filter(AttemptRecord::scored).count();
    List<TokenUsage> judgeUsages =
        records.stream().map(AttemptRecord::judgeTokenUsage).filter(Objects::nonNull).toList();
    BigDecimal judgeCost =
        records.stream()
            .map(AttemptRecord::judgeCostUsd)
            .filter(Objects::nonNull)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal modelCost =
        records.stream().map(AttemptRecord::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal totalCost = modelCost.add(judgeCost);
    boolean judged = manifest.judgeModel() != null;
    SuiteStatistics statistics = SuiteStatistics.of(cases, records, manifest.runs());
    return new Summary(
        Summary.VERSION,
        manifest.mode(),
        manifest.startedAt(),
        manifest.gitSha(),
        manifest.runs(),
        manifest.runModel(),
        manifest.judgeModel(),
        judged
            ? "on"
            : manifest.executionOnly()
                ? "off: an execution-only run checks only that each model loop completed"
                : "off: no judge checks were run",
        manifest.caseIds().size(),
        manifest.plannedKeys().size(),
        records.size(),
        scored,
        passed.size(),
        errors,
        Averages.rate(passed.size(), scored),
        statistics.passRateWilson95(),
        statistics.passAtK(),
        statistics.passHatK(),
        statistics.passRatePerRun(),
        statistics.checkFailures(),
        Averages.meanOf(records, AttemptRecord::durationMs),
        Averages.meanOf(passed, AttemptRecord::durationMs),
        Averages.meanScore(records.stream().map(AttemptRecord::judgeScore).toList()),
        Averages.sum(records.stream().map(AttemptRecord::tokenUsage).toList()),
        Averages.mean(records.stream().map(AttemptRecord::tokenUsage).toList()),
        totalCost,
        judged ? Averages.sum(judgeUsages) : null,
        judged ? judgeCost : null,
        cases.stream().filter(CaseSummary::hasFailures).map(CaseSummary::id).toList(),
        cases.stream().filter(c -> c.errorAttempts() > 0).map(CaseSummary::id).toList(),
        withStatus(cases, AttemptStatus.NO_REFERENCE),
        withStatus(cases, AttemptStatus.INCOMPLETE_REFERENCE),
        judged ? manifest.judgeSkippedCaseIds() : List.of(),
        notRun(manifest, records),
        runDirectory,
        cases,
        null,
        modelCost,
        manifest.casesFileDigest(),
        manifest.toolVersion(),
        manifest.toolCommit(),
        PromptCacheUse.of(
            Averages.sum(records.stream().map(AttemptRecord::tokenUsage).toList()),
            price(manifest)));
  }

  /** The run model's list price, or null when it is not registered (its cost is unknown). */
  private static Price price(RunManifest manifest) {
    try {
      ModelSpec model = ModelRegistry.builtIn(Mappers.yaml()).resolve(manifest.runModelAlias());
      return model.price().isFree() && !model.isReference() ? null : model.price();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
