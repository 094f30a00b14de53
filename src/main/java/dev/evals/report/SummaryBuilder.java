package dev.evals.report;

import dev.evals.json.Mappers;
import dev.evals.model.ModelRegistry;
import dev.evals.model.ModelSpec;
import dev.evals.model.Price;
import dev.evals.run.AttemptRecord;
import dev.evals.run.AttemptStatus;
import dev.evals.run.RunManifest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the summary of a run from its manifest and its recorded attempts, which it reads one at a
 * time into per-case aggregates and never holds.
 */
public final class SummaryBuilder {

  private SummaryBuilder() {}

  /** The summary of records already in memory (tests, small runs). */
  public static Summary build(
      RunManifest manifest, List<AttemptRecord> records, String runDirectory) {
    return build(manifest, new HeldAttempts(manifest.caseIds(), records), runDirectory);
  }

  public static Summary build(RunManifest manifest, AttemptSource attempts, String runDirectory) {
    RunTally tally = new RunTally();
    List<String> caseIds = attempts.caseIds();
    caseIds.forEach(id -> attempts.forEachAttemptOf(id, tally::add));
    List<CaseSummary> cases = caseIds.stream().map(id -> CaseSummary.of(tally.of(id))).toList();
    CaseTally total = tally.total();
    boolean judged = manifest.judgeModel() != null;
    return new Summary(
        new SummaryHeader(
            Summary.VERSION,
            manifest.mode(),
            manifest.startedAt(),
            manifest.runs(),
            manifest.runModel(),
            manifest.judgeModel(),
            judge(manifest),
            runDirectory),
        new SummaryProvenance(
            manifest.gitSha(),
            manifest.casesFileDigest(),
            manifest.toolVersion(),
            manifest.toolCommit()),
        new SummaryResults(
            new SummaryCounts(
                manifest.caseIds().size(),
                manifest.plannedKeys().size(),
                total.attempts,
                total.scored,
                total.passed,
                total.errors),
            SuiteStatistics.of(cases, tally, manifest.runs()),
            new SummaryMeans(
                Averages.mean(total.durationMs, total.attempts),
                Averages.mean(total.passedDurationMs, total.passed),
                total.meanJudgeScore())),
        new SummaryCosts(
            total.tokens,
            Averages.mean(total.tokens, total.attempts),
            total.totalCost,
            total.modelCost,
            judged ? total.judgeTokens : null,
            judged ? total.judgeCost : null,
            PromptCacheUse.of(total.tokens, price(manifest))),
        new SummaryCaseLists(
            cases.stream().filter(CaseSummary::hasFailures).map(CaseSummary::id).toList(),
            cases.stream().filter(c -> c.errorAttempts() > 0).map(CaseSummary::id).toList(),
            withStatus(tally, caseIds, AttemptStatus.NO_REFERENCE),
            withStatus(tally, caseIds, AttemptStatus.INCOMPLETE_REFERENCE),
            judged ? manifest.judgeSkippedCaseIds() : List.of(),
            notRun(manifest, tally)),
        cases,
        null);
  }

  private static String judge(RunManifest manifest) {
    if (manifest.judgeModel() != null) {
      return "on";
    }
    return manifest.executionOnly()
        ? "off: an execution-only run checks only that each model loop completed"
        : "off: no judge checks were run";
  }

  private static List<String> withStatus(
      RunTally tally, List<String> caseIds, AttemptStatus status) {
    return caseIds.stream().filter(id -> tally.of(id).statuses.contains(status)).toList();
  }

  private static List<String> notRun(RunManifest manifest, RunTally tally) {
    Set<String> planned = new HashSet<>(manifest.plannedKeys());
    List<String> missing = new ArrayList<>();
    for (int attempt = 1; attempt <= manifest.runs(); attempt++) {
      for (String id : manifest.caseIds()) {
        if (planned.contains(id + "#" + attempt) && !tally.wasRecorded(id, attempt)) {
          missing.add(id + "#" + attempt);
        }
      }
    }
    return missing;
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
