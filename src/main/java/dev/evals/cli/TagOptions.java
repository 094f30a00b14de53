package dev.evals.cli;

import dev.evals.cases.CaseDefinition;
import dev.evals.cases.CaseLoader;
import dev.evals.cases.CaseSelection;
import dev.evals.cases.TagSelection;
import dev.evals.modes.catalog.Modes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --tag} and {@code --exclude-tag}: case selection by the cases' {@code tags:}. */
final class TagOptions {

  @Option(
      names = "--tag",
      split = ",",
      paramLabel = "<tag>",
      description = "Only cases with one of these tags (repeatable; with case ids: both apply).")
  List<String> tags = new ArrayList<>();

  @Option(
      names = "--exclude-tag",
      split = ",",
      paramLabel = "<tag>",
      description = "Leave out cases with any of these tags (repeatable).")
  List<String> excludedTags = new ArrayList<>();

  boolean given() {
    return !tags.isEmpty() || !excludedTags.isEmpty();
  }

  /**
   * The case ids to run: the given ids and globs (or the whole suite), narrowed by the tags.
   * Without tags the ids are returned as given, so the run selects them as always.
   */
  List<String> narrow(Path casesRoot, String mode, List<String> caseIds) {
    if (!given()) {
      return caseIds;
    }
    List<CaseDefinition> all =
        new CaseLoader(casesRoot).load(mode, Modes.builtIn().get(mode).validateRuleNames());
    List<CaseDefinition> byId = CaseSelection.select(mode, all, caseIds);
    return new TagSelection(tags, excludedTags)
        .apply(mode, byId).stream().map(CaseDefinition::id).toList();
  }
}
