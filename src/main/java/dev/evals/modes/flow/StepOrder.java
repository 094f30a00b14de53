package dev.evals.modes.flow;

import java.util.List;

/** Relative order of step ids: other steps may sit between the required ones. */
final class StepOrder {

  private StepOrder() {}

  static boolean preserves(List<String> actual, List<String> required) {
    int cursor = 0;
    for (String id : actual) {
      if (cursor < required.size() && id.equals(required.get(cursor))) {
        cursor++;
      }
    }
    return cursor == required.size();
  }
}
