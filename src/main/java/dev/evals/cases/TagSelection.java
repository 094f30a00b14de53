package dev.evals.cases;

import dev.evals.naming.ClosestMatch;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Narrows cases by their {@code tags:}: a case stays when it has any of the wanted tags (or none
 * are wanted) and none of the excluded ones. A tag no case has is an {@link UnknownCaseException},
 * as a typo would otherwise quietly select nothing or everything.
 *
 * @param wanted tags of which a case needs at least one; empty keeps every case
 * @param excluded tags that drop a case
 */
public record TagSelection(List<String> wanted, List<String> excluded) {

  public TagSelection {
    wanted = List.copyOf(wanted);
    excluded = List.copyOf(excluded);
  }

  public boolean isEmpty() {
    return wanted.isEmpty() && excluded.isEmpty();
  }

  /** The cases that stay, in their order; at least one, or an {@link UnknownCaseException}. */
  public List<CaseDefinition> apply(String mode, List<CaseDefinition> cases) {
    Set<String> known = new TreeSet<>();
    cases.forEach(c -> known.addAll(c.tags()));
    refuseUnknown(mode, known, wanted);
    refuseUnknown(mode, known, excluded);
    List<CaseDefinition> kept =
        cases.stream()
            .filter(c -> wanted.isEmpty() || c.tags().stream().anyMatch(wanted::contains))
            .filter(c -> c.tags().stream().noneMatch(excluded::contains))
            .toList();
    if (kept.isEmpty()) {
      throw new UnknownCaseException(
          "no " + mode + " case is left after selecting by tag (" + describe() + ")");
    }
    return kept;
  }

  private String describe() {
    String with = wanted.isEmpty() ? "" : "tags " + String.join(", ", wanted);
    String without = excluded.isEmpty() ? "" : "without " + String.join(", ", excluded);
    return (with + (with.isEmpty() || without.isEmpty() ? "" : ", ") + without).strip();
  }

  private static void refuseUnknown(String mode, Collection<String> known, List<String> tags) {
    for (String tag : tags) {
      if (!known.contains(tag)) {
        throw new UnknownCaseException(
            "no "
                + mode
                + " case has the tag '"
                + tag
                + "'"
                + ClosestMatch.hint(known, tag)
                + "; tags: "
                + (known.isEmpty() ? "(none)" : String.join(", ", known)));
      }
    }
  }
}
