package dev.evals.judge;

import java.util.ArrayList;
import java.util.List;

/**
 * How the checklists of several samples make one: a criterion is met when more than half of the
 * samples say so (with an even number of samples, a tie is not met, so a split judge errs towards
 * failing, as the lower median score does). Each entry names the case's own criterion, and its
 * reason is that of the chosen sample when it agrees with the majority, else of the first sample
 * that does; with more than one sample the reason says how the samples voted. Without acceptance
 * criteria, each sample lists requirements of its own, which cannot be lined up across samples: the
 * chosen sample's list counts.
 */
final class SampledChecklist {

  private SampledChecklist() {}

  static List<ChecklistItem> of(
      List<String> criteria, List<Assessment> samples, Assessment chosen) {
    if (criteria.isEmpty()) {
      return chosen.checklist();
    }
    List<ChecklistItem> combined = new ArrayList<>();
    for (int i = 0; i < criteria.size(); i++) {
      combined.add(criterion(i, criteria.get(i).strip(), samples, chosen));
    }
    return combined;
  }

  private static ChecklistItem criterion(
      int index, String criterion, List<Assessment> samples, Assessment chosen) {
    long votes = samples.stream().filter(s -> s.checklist().get(index).met()).count();
    boolean met = votes * 2 > samples.size();
    ChecklistItem reasoned =
        chosen.checklist().get(index).met() == met
            ? chosen.checklist().get(index)
            : samples.stream()
                .map(s -> s.checklist().get(index))
                .filter(item -> item.met() == met)
                .findFirst()
                .orElseThrow();
    String reason =
        samples.size() == 1
            ? reasoned.reason()
            : "met in " + votes + " of " + samples.size() + " samples: " + reasoned.reason();
    return new ChecklistItem(criterion, met, reason);
  }
}
