package dev.evals.judge;

import java.util.Objects;

/**
 * The judge's verdict on one acceptance criterion.
 *
 * @param item the criterion, as the judge restated it
 * @param met whether the artifact meets it
 * @param reason why, in a sentence
 */
public record ChecklistItem(String item, boolean met, String reason) {
  public ChecklistItem {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(reason, "reason");
  }
}
