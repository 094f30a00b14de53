package dev.evals.backend;

import java.util.ArrayList;
import java.util.List;

/** Runs cleanup steps one after another, recording each failure and carrying on. */
final class CleanupLog {

  /** One cleanup step: what was tried, whether it worked, and why not. */
  record Step(String step, boolean ok, String error) {}

  private final List<Step> steps = new ArrayList<>();

  void attempt(String step, Runnable action) {
    try {
      action.run();
      steps.add(new Step(step, true, null));
    } catch (RuntimeException e) {
      steps.add(new Step(step, false, e.getMessage()));
    }
  }

  List<Step> steps() {
    return List.copyOf(steps);
  }
}
