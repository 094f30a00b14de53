package dev.evals.report;

import java.util.List;
import java.util.Objects;

/**
 * The per-case counts of an earlier run that this run is compared against.
 *
 * @param source where it was read from, as shown to people
 * @param mode the mode of the earlier run
 * @param judgeModel its judge model, or null when it ran without a judge
 * @param cases its cases, in order
 * @param runModel the model it measured, or null when the file does not say
 * @param casesFileDigest the digest of its case file, or null when the file does not say
 */
public record Baseline(
    String source,
    String mode,
    String judgeModel,
    List<Counts> cases,
    String runModel,
    String casesFileDigest) {

  /**
   * One case of the baseline.
   *
   * @param id the case
   * @param passed attempts that passed
   * @param scored attempts that could be scored
   */
  public record Counts(String id, int passed, int scored) {
    public Counts {
      Objects.requireNonNull(id, "id");
      if (passed < 0 || scored < passed) {
        throw new IllegalArgumentException(id + ": " + passed + " passed of " + scored + " scored");
      }
    }
  }

  public Baseline {
    cases = List.copyOf(cases);
  }

  public static Baseline of(Summary summary, String source) {
    return new Baseline(
        source,
        summary.mode(),
        summary.judgeModel(),
        summary.cases().stream()
            .map(c -> new Counts(c.id(), c.passedAttempts(), c.scoredAttempts()))
            .toList(),
        summary.runModel(),
        summary.casesFileDigest());
  }
}
