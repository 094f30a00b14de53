package dev.evals.modes;

import dev.evals.cases.CaseDefinition;
import dev.evals.cases.Fixtures;
import dev.evals.model.ModelSpec;
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

  /**
   * Refuses, before the run starts, a model this mode cannot run (an input error such as a model
   * without an agent command in cli mode).
   */
  default void checkModel(ModelSpec model) {}

  /** How the model under test is driven: our tool loop by default, or an agent process. */
  default Driver driver() {
    return Driver.TOOL_LOOP;
  }

  /** Whether {@code evals mutate} can derive seeded defects from this mode's cases. */
  default boolean mutates() {
    return false;
  }

  /** Attempts in flight at once when {@code --concurrency} is not given. */
  default int defaultConcurrency() {
    return 5;
  }
}
