package dev.evals.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.evals.report.stats.FisherExact;
import dev.evals.report.stats.SignTest;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The suite-level verdict: an exact two-sided sign test over the cases both runs scored, counting
 * the cases whose pass rate went down against those whose pass rate went up (ties dropped). With
 * one attempt per case this is McNemar's exact test. It states what the comparison could have seen
 * at all, so a team knows when {@code --runs} is too low for a gate to mean anything.
 *
 * @param moves how the shared cases moved; its fields stand flat in the JSON
 * @param pValue the exact two-sided sign test p on (down, up)
 * @param regressed p below 0.05 and more cases down than up
 * @param improved p below 0.05 and more cases up than down
 * @param fewestCasesDownToDetect the fewest shared cases that must go down, none up, for p below
 *     0.05; null when even all shared cases going down would not be enough
 * @param smallestCasePValue the smallest Fisher p a single case could reach with these attempt
 *     counts (all passing on one side, all failing on the other), or null with no shared case
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SuiteComparison(
    @JsonUnwrapped Moves moves,
    double pValue,
    boolean regressed,
    boolean improved,
    Integer fewestCasesDownToDetect,
    Double smallestCasePValue) {

  static final double SIGNIFICANCE = BaselineComparison.SIGNIFICANCE;

  public SuiteComparison {
    Objects.requireNonNull(moves, "moves");
  }

  /**
   * How the shared cases moved.
   *
   * @param sharedCases cases scored in both runs
   * @param casesDown shared cases whose pass rate went down
   * @param casesUp shared cases whose pass rate went up
   * @param casesTied shared cases whose pass rate stayed the same
   */
  public record Moves(int sharedCases, int casesDown, int casesUp, int casesTied) {}

  /** Cases scored in both runs. */
  public int sharedCases() {
    return moves.sharedCases();
  }

  /** Shared cases whose pass rate went down. */
  public int casesDown() {
    return moves.casesDown();
  }

  /** Shared cases whose pass rate went up. */
  public int casesUp() {
    return moves.casesUp();
  }

  /** Shared cases whose pass rate stayed the same. */
  public int casesTied() {
    return moves.casesTied();
  }

  /**
   * One case scored in both runs.
   *
   * @param basePassed baseline attempts passed
   * @param baseScored baseline attempts scored, above zero
   * @param passed attempts passed now
   * @param scored attempts scored now, above zero
   */
  record Pair(int basePassed, int baseScored, int passed, int scored) {

    /** Below zero when the pass rate went down, above when up, zero when equal. */
    int direction() {
      return Long.compare((long) passed * baseScored, (long) basePassed * scored);
    }
  }

  static SuiteComparison of(List<Pair> pairs) {
    int down = (int) pairs.stream().filter(p -> p.direction() < 0).count();
    int up = (int) pairs.stream().filter(p -> p.direction() > 0).count();
    double p = SignTest.twoSided(down, up);
    boolean significant = p < SIGNIFICANCE;
    Double smallestCase =
        pairs.stream()
            .map(pair -> FisherExact.smallestTwoSided(pair.baseScored(), pair.scored()))
            .min(Double::compare)
            .orElse(null);
    return new SuiteComparison(
        new Moves(pairs.size(), down, up, pairs.size() - down - up),
        p,
        significant && down > up,
        significant && up > down,
        SignTest.fewestSignificant(pairs.size(), SIGNIFICANCE).stream()
            .boxed()
            .findFirst()
            .orElse(null),
        smallestCase);
  }

  /** Whether a single case could be flagged at all with these attempt counts. */
  public boolean caseVerdictPossible() {
    return smallestCasePValue != null && smallestCasePValue < SIGNIFICANCE;
  }

  /** One sentence: the counts each way and the verdict. */
  public String verdictLine() {
    return String.format(
        Locale.ROOT,
        "%s: %d of %d shared case(s) down, %d up, %d tied (sign test p = %s)",
        regressed ? "REGRESSED" : improved ? "improved" : "no significant change",
        casesDown(),
        sharedCases(),
        casesUp(),
        casesTied(),
        Figures.pValue(pValue));
  }

  /** One sentence: the smallest change this comparison could have detected. */
  public String detectionLine() {
    String suite =
        fewestCasesDownToDetect == null
            ? "no suite change is detectable with "
                + sharedCases()
                + " shared case(s) (the sign test needs at least 6 moving one way)"
            : "the smallest detectable suite regression is "
                + fewestCasesDownToDetect
                + " of "
                + sharedCases()
                + " case(s) down with none up";
    String perCase =
        smallestCasePValue == null
            ? ""
            : caseVerdictPossible()
                ? "; a single case can reach p = " + Figures.pValue(smallestCasePValue)
                : "; no single case can be flagged at these runs (its smallest Fisher p is "
                    + Figures.pValue(smallestCasePValue)
                    + ", raise --runs)";
    return "Detectable: " + suite + perCase;
  }
}
