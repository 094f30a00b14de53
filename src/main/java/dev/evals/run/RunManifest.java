package dev.evals.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.evals.config.ToolBuild;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code run.json}: everything needed to understand and resume a run.
 *
 * @param version format version of this file
 * @param mode the mode run
 * @param runModel the model under test, as {@code alias (provider:model-id)}
 * @param runModelAlias the alias or raw name the run resolved
 * @param judgeModel the judge model, as {@code alias (provider:model-id)}, or null when off
 * @param judgeModelAlias the judge's alias, or null when the judge is off
 * @param judgeThreshold the passing judge score
 * @param judgeSamples judge samples per attempt
 * @param caseIds the cases selected, in order
 * @param judgeSkippedCaseIds selected cases that skip the judge
 * @param casePatterns the ids or globs given on the command line
 * @param runs repeats per case
 * @param concurrency attempts in flight at once
 * @param backendValidation off or preview
 * @param minPassRate the CI gate, or null
 * @param systemPrompt the replacement system prompt file, or null
 * @param casesRoot the root holding cases/ and fixtures/
 * @param casesFileDigest sha-256 of the case file when the run started
 * @param gitSha the commit of the cases root, or null
 * @param startedAt ISO-8601 UTC start time
 * @param rescoredFrom the run folder whose answers this run rescored, or null for a run of a model
 * @param toolVersion the version of this tool that ran it, or null in run.json files from before
 * @param toolCommit the commit this tool was built from ({@code unknown} outside a git checkout),
 *     or null in older files; {@code gitSha} is the cases root's commit, which may be another
 *     repository
 * @param modelOptions the request settings of the model under test (its registered options and
 *     {@code --model-option}s), which a continued run sends again
 * @param executionOnly whether only the model loops are checked ({@code --execution-only}); false
 *     when an older run.json does not say
 * @param shard this run's share of a larger plan ({@code --shard i/n}), or null for a whole run
 *     (and in run.json files from before sharding)
 */
// Consumers read every field, so absent values are written as null rather than left out.
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunManifest(
    int version,
    String mode,
    String runModel,
    String runModelAlias,
    String judgeModel,
    String judgeModelAlias,
    int judgeThreshold,
    int judgeSamples,
    List<String> caseIds,
    List<String> judgeSkippedCaseIds,
    List<String> casePatterns,
    int runs,
    int concurrency,
    String backendValidation,
    BigDecimal minPassRate,
    String systemPrompt,
    String casesRoot,
    String casesFileDigest,
    String gitSha,
    String startedAt,
    String rescoredFrom,
    String toolVersion,
    String toolCommit,
    Map<String, String> modelOptions,
    Boolean executionOnly,
    ShardOfPlan shard) {

  public static final int VERSION = 1;

  public RunManifest {
    // run.json written before --execution-only existed has no such field: a full run
    executionOnly = Boolean.TRUE.equals(executionOnly);
    modelOptions =
        modelOptions == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(modelOptions));
    caseIds = List.copyOf(caseIds);
    judgeSkippedCaseIds =
        judgeSkippedCaseIds == null ? List.of() : List.copyOf(judgeSkippedCaseIds);
    casePatterns = casePatterns == null ? List.of() : List.copyOf(casePatterns);
  }

  /** A whole run (no shard), as every run was before sharding. */
  public RunManifest(
      int version,
      String mode,
      String runModel,
      String runModelAlias,
      String judgeModel,
      String judgeModelAlias,
      int judgeThreshold,
      int judgeSamples,
      List<String> caseIds,
      List<String> judgeSkippedCaseIds,
      List<String> casePatterns,
      int runs,
      int concurrency,
      String backendValidation,
      BigDecimal minPassRate,
      String systemPrompt,
      String casesRoot,
      String casesFileDigest,
      String gitSha,
      String startedAt,
      String rescoredFrom,
      String toolVersion,
      String toolCommit,
      Map<String, String> modelOptions,
      Boolean executionOnly) {
    this(
        version,
        mode,
        runModel,
        runModelAlias,
        judgeModel,
        judgeModelAlias,
        judgeThreshold,
        judgeSamples,
        caseIds,
        judgeSkippedCaseIds,
        casePatterns,
        runs,
        concurrency,
        backendValidation,
        minPassRate,
        systemPrompt,
        casesRoot,
        casesFileDigest,
        gitSha,
        startedAt,
        rescoredFrom,
        toolVersion,
        toolCommit,
        modelOptions,
        executionOnly,
        null);
  }

  /**
   * The keys ({@code caseId#n}) of the attempts this run plans, repeat by repeat: every case times
   * every repeat, or this shard's share of them.
   */
  public List<String> plannedKeys() {
    Set<String> share = shard == null ? null : shard.keys(caseIds, runs);
    List<String> keys = new ArrayList<>();
    for (int attempt = 1; attempt <= runs; attempt++) {
      for (String id : caseIds) {
        String key = new AttemptKey(id, attempt).toString();
        if (share == null || share.contains(key)) {
          keys.add(key);
        }
      }
    }
    return keys;
  }

  /** Whether every case of the suite was selected, which is what history may record. */
  public boolean fullSuite() {
    return casePatterns.isEmpty();
  }

  /** This run's settings for a rescore of it: a new judge, start time, suite and tool version. */
  public RunManifest rescored(
      String judgeModel,
      String judgeModelAlias,
      String casesFileDigest,
      String gitSha,
      String startedAt,
      String rescoredFrom) {
    return new RunManifest(
        version,
        mode,
        runModel,
        runModelAlias,
        judgeModel,
        judgeModelAlias,
        judgeThreshold,
        judgeSamples,
        caseIds,
        judgeSkippedCaseIds,
        casePatterns,
        runs,
        concurrency,
        backendValidation,
        minPassRate,
        systemPrompt,
        casesRoot,
        casesFileDigest,
        gitSha,
        startedAt,
        rescoredFrom,
        ToolBuild.current().version(),
        ToolBuild.current().commit(),
        modelOptions,
        executionOnly,
        shard);
  }
}
