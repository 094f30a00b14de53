package dev.evals.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The sentences every report shows about a comparison beyond its numbers, so the terminal, the
 * Markdown and the HTML say the same: which baseline it was when it is not a like-for-like one, the
 * suite verdict, and the smallest change the comparison could have detected.
 */
public final class ComparisonNotes {

  private ComparisonNotes() {}

  /** Plain-text sentences, empty when there is nothing to add. */
  public static List<String> of(Comparison comparison) {
    List<String> notes = new ArrayList<>();
    if (comparison == null) {
      return notes;
    }
    switch (comparison.status()) {
      case NO_BASELINE ->
          notes.add(
              "No baseline: "
                  + (comparison.detail() == null
                      ? "no history line of this mode, model, judge and case set"
                      : comparison.detail())
                  + ". Nothing was compared, so no regression gate could fire.");
      case UNREADABLE -> {}
      case OK -> {
        if (comparison.otherModel()) {
          notes.add("Note: " + comparison.otherModelLabel() + " (named with --baseline).");
        }
        if (Boolean.TRUE.equals(comparison.caseFileChanged())) {
          notes.add("Note: the case file changed since the baseline (its digest differs).");
        }
        if (comparison.suite() != null) {
          notes.add("Suite " + comparison.suite().verdictLine() + ".");
          notes.add(comparison.suite().detectionLine() + ".");
        }
      }
    }
    return notes;
  }
}
