package dev.evals.suite;

import dev.evals.cases.CaseDefinition;
import dev.evals.cases.CaseLoader;
import dev.evals.cases.CaseSelection;
import dev.evals.cases.Fixtures;
import dev.evals.modes.Mode;
import dev.evals.modes.PreparedCase;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Loads a mode's cases and prepares the selected ones, so every case error shows up first. */
public final class SuiteCases {

  private SuiteCases() {}

  /**
   * Every case of the file is prepared (fixtures read, rules parsed) so a broken case fails the run
   * before any model is called; the selected ones are returned in file order.
   */
  public static List<PreparedCase> prepare(Path casesRoot, Mode mode, List<String> patterns) {
    List<CaseDefinition> all =
        new CaseLoader(casesRoot).load(mode.name(), mode.validateRuleNames());
    Fixtures fixtures = new Fixtures(casesRoot);
    List<PreparedCase> prepared = all.stream().map(c -> mode.prepare(c, fixtures)).toList();
    Set<String> selected =
        CaseSelection.select(mode.name(), all, patterns).stream()
            .map(CaseDefinition::id)
            .collect(Collectors.toSet());
    return prepared.stream().filter(p -> selected.contains(p.definition().id())).toList();
  }
}
