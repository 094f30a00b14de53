package dev.evals.modes;

import dev.evals.cases.CaseDefinition;
import dev.evals.cases.Fixtures;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A mode whose model edits a draft through our tools (flow, script, app, global): its name, which
 * is also its case file's and its built-in prompt's, and the rule names its cases may use. A mode
 * supplies how its rules are read and how a case is prepared with them.
 */
public abstract class ToolMode<R> implements Mode {

  private final String name;
  private final Set<String> ruleNames;
  private final String systemPrompt;
  private final Defects defects;
  private final Function<CaseDefinition, R> rulesReader;

  /** Whether {@code evals mutate} derives seeded defects from the mode's expected solutions. */
  public enum Defects {
    DERIVED,
    NONE
  }

  /**
   * @param ruleNames the rule names its cases may use
   * @param rulesReader reads a case's {@code validate} block into the mode's rules, errors naming
   *     the rule ({@link RulesReader})
   */
  protected ToolMode(
      String name,
      Set<String> ruleNames,
      Defects defects,
      Function<CaseDefinition, R> rulesReader) {
    this.name = name;
    this.ruleNames = Set.copyOf(ruleNames);
    this.systemPrompt = SystemPrompts.of(name);
    this.defects = defects;
    this.rulesReader = rulesReader;
  }

  /** Reads the case's rules first, so a bad rule is reported before any fixture is read. */
  @Override
  public final PreparedCase prepare(CaseDefinition definition, Fixtures fixtures) {
    return prepare(definition, fixtures, rulesReader.apply(definition));
  }

  /** Loads the case's fixtures and prepares it with its rules. */
  protected abstract PreparedCase prepare(CaseDefinition definition, Fixtures fixtures, R rules);

  @Override
  public final boolean mutates() {
    return defects == Defects.DERIVED;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Set<String> validateRuleNames() {
    return ruleNames;
  }

  /**
   * A fixture the case may leave out ({@code initial}, {@code expected}): read from its path, or
   * null when the case gives none.
   */
  protected static <T> T optionalFixture(String path, Function<String, T> read) {
    return path == null ? null : read.apply(path);
  }

  /**
   * A case's {@code initial} and {@code expected} drafts, each null when the case names none.
   *
   * @param <S> the mode's draft state
   */
  protected record StartAndGoal<S>(S initial, S expected) {}

  /**
   * Reads both drafts the same way, for modes whose two fixtures are the same kind of file.
   *
   * @param read reads one fixture from its field name and path
   */
  protected static <S> StartAndGoal<S> startAndGoal(
      CaseDefinition definition, BiFunction<String, String, S> read) {
    return new StartAndGoal<>(
        optionalFixture(definition.initial(), path -> read.apply("initial", path)),
        optionalFixture(definition.expected(), path -> read.apply("expected", path)));
  }

  /** The mode's built-in system prompt ({@code /prompts/<name>.md}). */
  protected final String systemPrompt() {
    return systemPrompt;
  }
}
