package dev.evals.suite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.config.Secrets;
import dev.evals.files.AtomicFile;
import dev.evals.json.Mappers;
import dev.evals.report.BaselineSource;
import dev.evals.report.History;
import dev.evals.report.HistoryLine;
import dev.evals.report.ModelComparison;
import dev.evals.report.Summary;
import dev.evals.report.TerminalReport;
import dev.evals.report.output.RunPublication;
import dev.evals.run.AttemptRecord;
import dev.evals.run.RunDirectory;
import dev.evals.run.RunLock;
import dev.evals.run.RunLog;
import dev.evals.run.RunManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code evals merge}: joins the shards of a plan into one run folder, as if the run had been made
 * in one piece. The joined {@code index.jsonl} keeps every record as its shard wrote it; each
 * attempt folder is not copied but its files linked (or the folder moved, with {@code --move}) to
 * the same relative path, so the summary, the three reports, the history line and the gates come
 * from the same code as a whole run's.
 */
public final class ShardMerge {

  private final Surroundings workspace;

  public ShardMerge(Surroundings workspace) {
    this.workspace = workspace;
  }

  /** Merges, and returns the exit code of the gates on the merged runs. */
  public int merge(MergeRequest request) throws IOException {
    List<ShardSet.Plan> plans = ShardSet.read(workspace, request.parts());
    List<RunLock> locks = new ArrayList<>();
    try {
      for (ShardSet.Plan plan : plans) {
        for (ShardSet.Part part : plan.parts()) {
          locks.add(part.directory().lock(workspace.clock().instant()));
        }
      }
      if (request.record()) {
        for (ShardSet.Plan plan : plans) {
          checkRecordable(plan);
        }
      }
      List<Summary> summaries = new ArrayList<>();
      for (ShardSet.Plan plan : plans) {
        summaries.add(merge(plan, request, plans.size() > 1));
      }
      if (summaries.size() > 1) {
        ModelComparison.print(workspace.out(), summaries);
      }
      return QualityGates.exitCode(
          summaries, request.gates().minPassRate(), request.gates().reports(), workspace.err());
    } finally {
      for (RunLock lock : locks) {
        lock.close();
      }
    }
  }

  private static void checkRecordable(ShardSet.Plan plan) throws IOException {
    RunManifest first = plan.first();
    if (first.executionOnly()) {
      throw UsageException.about(
          Setting.RECORD, " records pass rates, and these shards ran execution-only");
    }
    if (!first.fullSuite()) {
      throw UsageException.about(
          Setting.RECORD,
          " only records full-suite runs, and these shards ran only "
              + String.join(" ", first.casePatterns()));
    }
    String incomplete = ShardSet.incomplete(plan);
    if (incomplete != null) {
      throw UsageException.about(Setting.RECORD, ": " + incomplete);
    }
  }

  private Summary merge(ShardSet.Plan plan, MergeRequest request, boolean severalModels)
      throws IOException {
    RunManifest manifest = whole(plan);
    RunClaim.Claimed claimed =
        RunClaim.claim(
            workspace,
            target(manifest, request.output(), severalModels),
            request.output() == null ? null : Setting.OUTPUT,
            () -> target(manifest, null, false));
    try (RunLock lock = claimed.lock()) {
      RunDirectory directory = claimed.directory();
      AtomicFile.writeJson(directory.manifestFile(), manifest);
      new RunLog(directory.logFile(), workspace.clock(), Secrets.of(workspace.environment()))
          .info(
              "merged from "
                  + plan.parts().stream()
                      .map(ShardSet.Part::label)
                      .collect(Collectors.joining(", ")));
      for (AttemptRecord record : join(plan, directory, request.move(), manifest)) {
        directory.index().append(record);
      }
      return publish(manifest, directory, request);
    }
  }

  /** The shards' settings as one run: no shard, started when the first shard started. */
  private static RunManifest whole(ShardSet.Plan plan) throws IOException {
    ObjectNode node = Mappers.json().valueToTree(plan.first());
    node.putNull("shard");
    node.put(
        "startedAt",
        plan.parts().stream()
            .map(p -> p.manifest().startedAt())
            .sorted()
            .findFirst()
            .orElseThrow());
    return Mappers.json().treeToValue(node, RunManifest.class);
  }

  private RunDirectory target(RunManifest manifest, Path output, boolean severalModels) {
    if (output == null) {
      return RunDirectory.defaultFor(
          workspace.resultsRoot(),
          workspace.clock().instant(),
          manifest.mode(),
          manifest.runModelAlias(),
          workspace.random());
    }
    Path summary = workspace.workDir().resolve(output);
    if (severalModels) {
      String name = summary.getFileName().toString().replaceFirst("\\.json$", "");
      summary =
          summary.resolveSibling(
              name + "__" + RunDirectory.safe(manifest.runModelAlias()) + ".json");
    }
    return RunDirectory.at(summary);
  }

  /** Every shard's records, in the whole plan's order, with their attempt folders in place. */
  private static List<AttemptRecord> join(
      ShardSet.Plan plan, RunDirectory directory, boolean move, RunManifest manifest)
      throws IOException {
    List<AttemptRecord> records = new ArrayList<>();
    for (ShardSet.Part part : plan.parts()) {
      for (AttemptRecord record : part.directory().index().read()) {
        if (record.artifactsPath() != null) {
          AttemptFiles.bring(
              part.directory().folder(), directory.folder(), record.artifactsPath(), move);
        }
        records.add(record);
      }
    }
    Map<String, Integer> order = new HashMap<>();
    manifest.plannedKeys().forEach(key -> order.put(key, order.size()));
    records.sort(
        Comparator.comparingInt(r -> order.getOrDefault(r.key().toString(), Integer.MAX_VALUE)));
    return records;
  }

  private Summary publish(RunManifest manifest, RunDirectory directory, MergeRequest request)
      throws IOException {
    Path baseline = request.gates().reports().baseline();
    BaselineSource source =
        baseline == null
            ? BaselineSource.history(workspace.historyRoot())
            : BaselineSource.explicit(baseline, RunClaim.shown(workspace, baseline));
    RunPublication.Published published =
        RunPublication.publish(
            manifest,
            directory,
            RunClaim.shown(workspace, directory.folder()),
            source,
            workspace.environment());
    Summary summary = published.summary();
    List<Path> written = new ArrayList<>(List.of(directory.summaryFile(), directory.folder()));
    written.addAll(published.reports());
    published.warnings().forEach(workspace.err()::println);
    if (request.record() && summary.complete() && manifest.fullSuite()) {
      written.add(new History(workspace.historyRoot()).append(HistoryLine.of(summary)));
    }
    TerminalReport.print(
        workspace.out(),
        summary,
        published.attempts(),
        written.stream().map(p -> Path.of(RunClaim.shown(workspace, p))).toList());
    return summary;
  }
}
