package dev.evals.modes;

import dev.evals.cases.CaseDefinition;
import dev.evals.cases.Fixtures;
import java.util.Set;

/** What the model under test is asked to build: flows, scripts, apps or CLI workspaces. */
public interface Mode {

  /** The mode's name, also the case file's name ({@code cases/flow.yaml}). */
  String name();

  /** The rule names a case may use under {@code validate}; any other name is a load error. */
  Set<String> validateRuleNames();

  /**
   * Loads a case's fixtures and parses its {@code validate} rules, once per case. Problems are
   * {@link dev.evals.cases.CaseFileException}s pointing at the case file.
   */
  PreparedCase prepare(CaseDefinition definition, Fixtures fixtures);
}
