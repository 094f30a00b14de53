package dev.evals.modes;

import java.util.Set;

/**
 * A mode whose model edits a draft through our tools (flow, script, app, global): its name, which
 * is also its case file's and its built-in prompt's, and the rule names its cases may use. A mode
 * supplies how a case is prepared.
 */
public abstract class ToolMode implements Mode {

  private final String name;
  private final Set<String> ruleNames;
  private final String systemPrompt;

  protected ToolMode(String name, Set<String> ruleNames) {
    this.name = name;
    this.ruleNames = Set.copyOf(ruleNames);
    this.systemPrompt = SystemPrompts.of(name);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Set<String> validateRuleNames() {
    return ruleNames;
  }

  /** The mode's built-in system prompt ({@code /prompts/<name>.md}). */
  protected final String systemPrompt() {
    return systemPrompt;
  }
}
