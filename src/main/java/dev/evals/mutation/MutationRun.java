package dev.evals.mutation;

import dev.evals.modes.Mutant;
import dev.evals.modes.PreparedCase;
import dev.evals.validate.Check;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures what a suite's deterministic checks can tell apart: each case's expected solution is
 * played unmutated (the control, which must pass) and then broken in every way the mode derives,
 * each defect played through the mode's tools as a model would and scored without judge or preview.
 * A defect is caught when any check fails on it.
 */
public final class MutationRun {

  private MutationRun() {}

  /**
   * @param mode the mode's name
   * @param cases prepared cases of that mode
   * @param classes the defect classes to seed, or empty for all
   * @param minCatchRate the floor each structural class must reach
   */
  public static MutationReport run(
      String mode, List<PreparedCase> cases, Set<String> classes, double minCatchRate) {
    List<MutationReport.Control> controls = new ArrayList<>();
    List<MutationReport.Skipped> skipped = new ArrayList<>();
    Map<String, Tally> tallies = new LinkedHashMap<>();
    for (PreparedCase prepared : cases) {
      String id = prepared.definition().id();
      if (!prepared.hasReference() || !prepared.referenceIsComplete()) {
        skipped.add(new MutationReport.Skipped(id, "no complete expected solution to break"));
        continue;
      }
      List<Check> failed =
          MutantPlay.failed(MutantPlay.checks(prepared, prepared.referenceSolution()));
      controls.add(new MutationReport.Control(id, failed.isEmpty(), describe(failed)));
      if (!failed.isEmpty()) {
        continue;
      }
      for (Mutant mutant : prepared.mutants()) {
        if (!classes.isEmpty() && !classes.contains(mutant.defectClass())) {
          continue;
        }
        boolean caught = !MutantPlay.failed(MutantPlay.checks(prepared, mutant.calls())).isEmpty();
        tallies
            .computeIfAbsent(mutant.defectClass(), name -> new Tally(name, mutant.structural()))
            .add(id, mutant, caught);
      }
    }
    List<MutationReport.ClassTally> tally =
        tallies.values().stream()
            .sorted(Comparator.comparing((Tally t) -> !t.structural).thenComparing(t -> t.name))
            .map(Tally::result)
            .toList();
    return new MutationReport(mode, minCatchRate, controls, skipped, tally);
  }

  private static List<String> describe(List<Check> failed) {
    return failed.stream().map(c -> c.name() + ": " + c.detail()).toList();
  }

  private static final class Tally {
    private final String name;
    private final boolean structural;
    private int made;
    private int caught;
    private final List<MutationReport.Survivor> survivors = new ArrayList<>();

    Tally(String name, boolean structural) {
      this.name = name;
      this.structural = structural;
    }

    void add(String caseId, Mutant mutant, boolean wasCaught) {
      made++;
      if (wasCaught) {
        caught++;
      } else {
        survivors.add(
            new MutationReport.Survivor(caseId, mutant.description(), mutant.catchingCheck()));
      }
    }

    MutationReport.ClassTally result() {
      double rate = made == 0 ? 1.0 : (double) caught / made;
      return new MutationReport.ClassTally(name, structural, made, caught, rate, survivors);
    }
  }
}
