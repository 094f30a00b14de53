package dev.evals.cases;

import dev.evals.naming.ClosestMatch;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Picks cases by id or glob ({@code flow-test1*}), keeping file order. */
public final class CaseSelection {

  private CaseSelection() {}

  /**
   * The cases matching any of the patterns; all cases when none are given. A pattern that matches
   * nothing is an {@link UnknownCaseException} listing the valid ids.
   */
  public static List<CaseDefinition> select(
      String mode, List<CaseDefinition> cases, List<String> patterns) {
    if (patterns.isEmpty()) {
      return cases;
    }
    List<String> ids = cases.stream().map(CaseDefinition::id).toList();
    Set<CaseDefinition> selected = new LinkedHashSet<>();
    for (String pattern : patterns) {
      Pattern glob = globToRegex(pattern);
      List<CaseDefinition> matched =
          cases.stream().filter(c -> glob.matcher(c.id()).matches()).toList();
      if (matched.isEmpty()) {
        throw new UnknownCaseException(
            "unknown "
                + mode
                + " case '"
                + pattern
                + "'"
                + ClosestMatch.hint(ids, pattern)
                + "; valid ids: "
                + String.join(", ", ids));
      }
      selected.addAll(matched);
    }
    return cases.stream()
        .filter(selected::contains)
        .collect(ArrayList::new, List::add, List::addAll);
  }

  static Pattern globToRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
