package dev.evals.mutation;

import java.util.List;

/**
 * What {@code evals mutate} found: whether each case's own answer passes, and per defect class how
 * many seeded defects the deterministic checks caught.
 *
 * @param mode the mode measured
 * @param minCatchRate the floor every structural class must reach
 * @param controls one per case played unmutated
 * @param skipped cases without a complete expected solution to break
 * @param classes per defect class, structural first, in a stable order
 */
public record MutationReport(
    String mode,
    double minCatchRate,
    List<Control> controls,
    List<Skipped> skipped,
    List<ClassTally> classes) {

  public MutationReport {
    controls = List.copyOf(controls);
    skipped = List.copyOf(skipped);
    classes = List.copyOf(classes);
  }

  /**
   * A case's expected solution played unmutated: it must pass, or nothing its mutants show counts.
   *
   * @param caseId the case
   * @param passed whether every deterministic check passed
   * @param failedChecks what failed, as {@code name: detail}
   */
  public record Control(String caseId, boolean passed, List<String> failedChecks) {
    public Control {
      failedChecks = List.copyOf(failedChecks);
    }
  }

  /**
   * A case left out.
   *
   * @param caseId the case
   * @param reason why
   */
  public record Skipped(String caseId, String reason) {}

  /**
   * One defect class.
   *
   * @param name the class, such as {@code placeholder-code}
   * @param structural whether it counts toward the floor
   * @param made defects seeded
   * @param caught defects some check failed on
   * @param catchRate caught / made (1 when none were made)
   * @param survivors the defects no check failed on
   */
  public record ClassTally(
      String name,
      boolean structural,
      int made,
      int caught,
      double catchRate,
      List<Survivor> survivors) {
    public ClassTally {
      survivors = List.copyOf(survivors);
    }
  }

  /**
   * A defect every check let through.
   *
   * @param caseId the case it was seeded in
   * @param description what was changed
   * @param shouldFail the check that should have caught it
   */
  public record Survivor(String caseId, String description, String shouldFail) {}

  public List<Control> failingControls() {
    return controls.stream().filter(c -> !c.passed()).toList();
  }

  /** Structural defects made and caught over every class. */
  public int structuralMade() {
    return classes.stream().filter(ClassTally::structural).mapToInt(ClassTally::made).sum();
  }

  public int structuralCaught() {
    return classes.stream().filter(ClassTally::structural).mapToInt(ClassTally::caught).sum();
  }

  /** Structural classes whose catch rate is below the floor. */
  public List<ClassTally> classesBelowFloor() {
    return classes.stream()
        .filter(c -> c.structural() && c.made() > 0 && c.catchRate() < minCatchRate)
        .toList();
  }

  /** Whether the controls all pass and every structural class reaches the floor. */
  public boolean meetsFloor() {
    return failingControls().isEmpty() && classesBelowFloor().isEmpty();
  }
}
