package dev.evals.suite;

import dev.evals.run.AttemptRecord;
import dev.evals.run.RunDirectory;
import dev.evals.run.RunManifest;
import dev.evals.run.ShardOfPlan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The shards given to {@code evals merge}, read and checked: grouped by model (each model of a
 * {@code --models} run is a plan of its own), each group one plan whose shards 1..n are all there,
 * each exactly once.
 */
final class ShardSet {

  /**
   * One shard run.
   *
   * @param directory its run folder
   * @param manifest its run.json
   * @param shown its folder as the user sees it
   */
  record Part(RunDirectory directory, RunManifest manifest, String shown) {

    ShardOfPlan shard() {
      return manifest.shard();
    }

    String label() {
      return "shard " + shard().index() + "/" + shard().count() + " (" + shown + ")";
    }
  }

  /**
   * The shards of one model's plan, in shard order.
   *
   * @param parts shards 1..n
   */
  record Plan(List<Part> parts) {

    RunManifest first() {
      return parts.get(0).manifest();
    }
  }

  /** The properties two shards of one plan share, each with how a mismatch is named. */
  private static final Map<String, Function<RunManifest, Object>> SAME_PLAN = samePlan();

  private ShardSet() {}

  private static Map<String, Function<RunManifest, Object>> samePlan() {
    Map<String, Function<RunManifest, Object>> same = new LinkedHashMap<>();
    same.put("mode", RunManifest::mode);
    same.put("model", RunManifest::runModel);
    same.put(
        "judge",
        m -> m.judgeModel() + " threshold " + m.judgeThreshold() + " samples " + m.judgeSamples());
    same.put("runs", RunManifest::runs);
    same.put("case file digest", RunManifest::casesFileDigest);
    same.put("cases", RunManifest::caseIds);
    same.put("plan digest", m -> m.shard().planDigest());
    same.put("shard count", m -> m.shard().count());
    same.put("execution-only setting", RunManifest::executionOnly);
    same.put("system prompt", RunManifest::systemPrompt);
    same.put("model options", RunManifest::modelOptions);
    return same;
  }

  /** Reads every part and checks it is a shard; then groups them into plans and checks each. */
  static List<Plan> read(Surroundings workspace, List<Path> given) throws IOException {
    List<Part> parts = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (Path path : given) {
      RunLocation location = new RunLocation(workspace, path);
      String shown = location.shown(location.directory().folder());
      if (!location.hasIndex()) {
        throw new UsageException("merge: " + shown + " is not a run folder (no run.json)");
      }
      if (!seen.add(location.directory().folder())) {
        throw new UsageException("merge: " + shown + " is given twice");
      }
      RunManifest manifest = location.directory().readManifest();
      if (manifest.shard() == null) {
        throw new UsageException(
            "merge: " + shown + " is a whole run, not a shard (run.json has no shard)");
      }
      parts.add(new Part(location.directory(), manifest, shown));
    }
    Map<String, List<Part>> byModel = new LinkedHashMap<>();
    for (Part part : parts) {
      byModel.computeIfAbsent(part.manifest().runModel(), m -> new ArrayList<>()).add(part);
    }
    checkOneMode(parts);
    return byModel.values().stream().map(ShardSet::plan).toList();
  }

  private static void checkOneMode(List<Part> parts) {
    Set<String> modes =
        parts.stream().map(p -> p.manifest().mode()).collect(Collectors.toCollection(TreeSet::new));
    if (modes.size() > 1) {
      throw new UsageException(
          "merge: the shards are of different modes ("
              + String.join(", ", modes)
              + "); merge each mode on its own");
    }
  }

  private static Plan plan(List<Part> parts) {
    Part first = parts.get(0);
    for (Part part : parts.subList(1, parts.size())) {
      SAME_PLAN.forEach(
          (what, property) -> {
            Object theirs = property.apply(part.manifest());
            Object ours = property.apply(first.manifest());
            if (!Objects.equals(theirs, ours)) {
              throw new UsageException(
                  "merge: "
                      + part.shown()
                      + " is not a shard of the plan of "
                      + first.shown()
                      + ": its "
                      + what
                      + " differs ("
                      + theirs
                      + " vs "
                      + ours
                      + ")");
            }
          });
    }
    TreeMap<Integer, Part> byIndex = new TreeMap<>();
    for (Part part : parts) {
      Part twice = byIndex.putIfAbsent(part.shard().index(), part);
      if (twice != null) {
        throw new UsageException(
            "merge: shard "
                + part.shard().index()
                + "/"
                + part.shard().count()
                + " of "
                + first.manifest().runModelAlias()
                + " is given twice: "
                + twice.shown()
                + " and "
                + part.shown());
      }
    }
    int count = first.shard().count();
    List<String> missing = new ArrayList<>();
    for (int index = 1; index <= count; index++) {
      if (!byIndex.containsKey(index)) {
        missing.add(index + "/" + count);
      }
    }
    if (!missing.isEmpty()) {
      throw new UsageException(
          "merge: shard "
              + String.join(", ", missing)
              + " of "
              + first.manifest().runModelAlias()
              + " is missing (given: "
              + byIndex.values().stream().map(Part::shown).collect(Collectors.joining(", "))
              + ")");
    }
    return new Plan(
        byIndex.values().stream().sorted(Comparator.comparingInt(p -> p.shard().index())).toList());
  }

  /** Why the plan cannot be recorded as a finished run, or null when every shard is complete. */
  static String incomplete(Plan plan) throws IOException {
    for (Part part : plan.parts()) {
      Set<String> recorded =
          part.directory().index().read().stream()
              .map(AttemptRecord::key)
              .map(Object::toString)
              .collect(Collectors.toSet());
      List<String> planned = part.manifest().plannedKeys();
      long done = planned.stream().filter(recorded::contains).count();
      if (done < planned.size()) {
        return part.label()
            + " is incomplete: "
            + done
            + " of "
            + planned.size()
            + " attempts recorded; finish it with 'evals run --resume "
            + part.shown()
            + "'";
      }
    }
    return null;
  }
}
