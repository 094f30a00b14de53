package dev.evals.run;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.evals.config.ToolBuild;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code run.json}: everything needed to understand and resume a run. On disk it is one flat object
 * whose field names and order predate this nesting ({@link RunManifestJson}); the accessors below
 * read the flat names from the parts.
 *
 * @param version format version of this file
 * @param mode the mode run
 * @param model the model under test and its request settings
 * @param judge the judge and how it scores
 * @param selection the cases and repeats chosen
 * @param settings how the attempts run and what gates them
 * @param provenance where the suite and the tool came from, and when the run started
 */
@JsonSerialize(using = RunManifestJson.Writer.class)
@JsonDeserialize(using = RunManifestJson.Reader.class)
public record RunManifest(
    int version,
    String mode,
    ModelChoice model,
    JudgeChoice judge,
    Selection selection,
    Settings settings,
    Provenance provenance) {

  public static final int VERSION = 1;

  public RunManifest {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(judge, "judge");
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(provenance, "provenance");
  }

  /**
   * The model under test.
   *
   * @param runModel the model, as {@code alias (provider:model-id)}
   * @param runModelAlias the alias or raw name the run resolved
   * @param modelOptions its request settings (its registered options and {@code --model-option}s),
   *     which a continued run sends again
   */
  public record ModelChoice(
      String runModel, String runModelAlias, Map<String, String> modelOptions) {
    public ModelChoice {
      modelOptions =
          modelOptions == null
              ? Map.of()
              : Collections.unmodifiableMap(new TreeMap<>(modelOptions));
    }
  }

  /**
   * The judge.
   *
   * @param judgeModel the judge model, as {@code alias (provider:model-id)}, or null when off
   * @param judgeModelAlias the judge's alias, or null when the judge is off
   * @param judgeThreshold the passing judge score
   * @param judgeSamples judge samples per attempt
   */
  public record JudgeChoice(
      String judgeModel, String judgeModelAlias, int judgeThreshold, int judgeSamples) {}

  /**
   * The cases chosen.
   *
   * @param caseIds the cases selected, in order
   * @param judgeSkippedCaseIds selected cases that skip the judge
   * @param casePatterns the ids or globs given on the command line
   * @param runs repeats per case
   * @param shard this run's share of a larger plan ({@code --shard i/n}), or null for a whole run
   *     (and in run.json files from before sharding)
   */
  public record Selection(
      List<String> caseIds,
      List<String> judgeSkippedCaseIds,
      List<String> casePatterns,
      int runs,
      ShardOfPlan shard) {
    public Selection {
      caseIds = List.copyOf(Objects.requireNonNull(caseIds, "caseIds"));
      judgeSkippedCaseIds =
          judgeSkippedCaseIds == null ? List.of() : List.copyOf(judgeSkippedCaseIds);
      casePatterns = casePatterns == null ? List.of() : List.copyOf(casePatterns);
    }

    /** A whole run's selection, as every run was before sharding. */
    public Selection(
        List<String> caseIds,
        List<String> judgeSkippedCaseIds,
        List<String> casePatterns,
        int runs) {
      this(caseIds, judgeSkippedCaseIds, casePatterns, runs, null);
    }
  }

  /**
   * How the attempts run.
   *
   * @param concurrency attempts in flight at once
   * @param backendValidation off or preview
   * @param minPassRate the CI gate, or null
   * @param systemPrompt the replacement system prompt file, relative to the working directory
   *     (absolute in run.json files from before), or null
   * @param executionOnly whether only the model loops are checked ({@code --execution-only}); false
   *     when an older run.json does not say
   */
  public record Settings(
      int concurrency,
      String backendValidation,
      BigDecimal minPassRate,
      String systemPrompt,
      Boolean executionOnly) {
    public Settings {
      // run.json written before --execution-only existed has no such field: a full run
      executionOnly = Boolean.TRUE.equals(executionOnly);
    }
  }

  /**
   * Where the suite and the tool came from.
   *
   * @param casesRoot the root holding cases/ and fixtures/, relative to the working directory
   *     (absolute in run.json files from before)
   * @param casesFileDigest sha-256 of the case file when the run started
   * @param gitSha the commit of the cases root, or null
   * @param startedAt ISO-8601 UTC start time
   * @param rescoredFrom the run folder whose answers this run rescored, relative to the working
   *     directory (absolute in run.json files from before), or null for a run of a model
   * @param toolVersion the version of this tool that ran it, or null in run.json files from before
   * @param toolCommit the commit this tool was built from ({@code unknown} outside a git checkout),
   *     or null in older files; {@code gitSha} is the cases root's commit, which may be another
   *     repository
   */
  public record Provenance(
      String casesRoot,
      String casesFileDigest,
      String gitSha,
      String startedAt,
      String rescoredFrom,
      String toolVersion,
      String toolCommit) {}

  /** Whether every case of the suite was selected, which is what history may record. */
  public boolean fullSuite() {
    return selection.casePatterns().isEmpty();
  }

  /**
   * This run's settings for a rescore of it: a new judge, cases folder, start time, suite and tool
   * version.
   */
  public RunManifest rescored(
      String judgeModel,
      String judgeModelAlias,
      String casesRoot,
      String casesFileDigest,
      String gitSha,
      String startedAt,
      String rescoredFrom) {
    return new RunManifest(
        version,
        mode,
        model,
        new JudgeChoice(judgeModel, judgeModelAlias, judge.judgeThreshold(), judge.judgeSamples()),
        selection,
        settings,
        new Provenance(
            casesRoot,
            casesFileDigest,
            gitSha,
            startedAt,
            rescoredFrom,
            ToolBuild.current().version(),
            ToolBuild.current().commit()));
  }

  // The flat names every reader uses, from the parts.

  public String runModel() {
    return model.runModel();
  }

  public String runModelAlias() {
    return model.runModelAlias();
  }

  public Map<String, String> modelOptions() {
    return model.modelOptions();
  }

  public String judgeModel() {
    return judge.judgeModel();
  }

  public String judgeModelAlias() {
    return judge.judgeModelAlias();
  }

  public int judgeThreshold() {
    return judge.judgeThreshold();
  }

  public int judgeSamples() {
    return judge.judgeSamples();
  }

  public List<String> caseIds() {
    return selection.caseIds();
  }

  public List<String> judgeSkippedCaseIds() {
    return selection.judgeSkippedCaseIds();
  }

  public List<String> casePatterns() {
    return selection.casePatterns();
  }

  public int runs() {
    return selection.runs();
  }

  public ShardOfPlan shard() {
    return selection.shard();
  }

  /**
   * The keys ({@code caseId#n}) of the attempts this run plans, repeat by repeat: every case times
   * every repeat, or this shard's share of them.
   */
  public List<String> plannedKeys() {
    Set<String> share = shard() == null ? null : shard().keys(caseIds(), runs());
    List<String> keys = new ArrayList<>();
    for (int attempt = 1; attempt <= runs(); attempt++) {
      for (String id : caseIds()) {
        String key = new AttemptKey(id, attempt).toString();
        if (share == null || share.contains(key)) {
          keys.add(key);
        }
      }
    }
    return keys;
  }

  public int concurrency() {
    return settings.concurrency();
  }

  public String backendValidation() {
    return settings.backendValidation();
  }

  public BigDecimal minPassRate() {
    return settings.minPassRate();
  }

  public String systemPrompt() {
    return settings.systemPrompt();
  }

  public Boolean executionOnly() {
    return settings.executionOnly();
  }

  public String casesRoot() {
    return provenance.casesRoot();
  }

  public String casesFileDigest() {
    return provenance.casesFileDigest();
  }

  public String gitSha() {
    return provenance.gitSha();
  }

  public String startedAt() {
    return provenance.startedAt();
  }

  public String rescoredFrom() {
    return provenance.rescoredFrom();
  }

  public String toolVersion() {
    return provenance.toolVersion();
  }

  public String toolCommit() {
    return provenance.toolCommit();
  }
}
