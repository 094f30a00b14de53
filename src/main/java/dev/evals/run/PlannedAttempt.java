package dev.evals.run;

import dev.evals.modes.PreparedCase;
import java.util.ArrayList;
import java.util.List;

/**
 * One attempt a run plans: a case and its 1-based repeat number.
 *
 * @param prepared the case
 * @param attempt the repeat number
 */
public record PlannedAttempt(PreparedCase prepared, int attempt) {

  /** Every attempt of {@code runs} repeats, repeat by repeat so early results cover all cases. */
  public static List<PlannedAttempt> repeats(List<PreparedCase> cases, int runs) {
    List<PlannedAttempt> planned = new ArrayList<>();
    for (int attempt = 1; attempt <= runs; attempt++) {
      for (PreparedCase prepared : cases) {
        planned.add(new PlannedAttempt(prepared, attempt));
      }
    }
    return planned;
  }

  /** Identifies the attempt within a run, as {@link AttemptRecord#key()} does. */
  public String key() {
    return prepared.definition().id() + "#" + attempt;
  }
}
