package dev.evals.modes;

/**
 * What an attempt's session needs from the run.
 *
 * @param systemPromptOverride a system prompt replacing the mode's own, or null
 */
public record SessionContext(String systemPromptOverride) {

  public static final SessionContext DEFAULT = new SessionContext(null);
}
