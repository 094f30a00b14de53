package dev.evals.modes;

/**
 * What an attempt's session needs from the run.
 *
 * @param systemPromptOverride a system prompt replacing the mode's own, or null
 * @param previewer runs test runs on Windmill when backend preview is on, or null when it is off
 */
public record SessionContext(String systemPromptOverride, BackendPreviewer previewer) {

  public static final SessionContext DEFAULT = new SessionContext(null, null);

  /** The override when one was given ({@code --system-prompt}), else the mode's own prompt. */
  public String systemPrompt(String modePrompt) {
    return systemPromptOverride == null ? modePrompt : systemPromptOverride;
  }

  public boolean previewEnabled() {
    return previewer != null;
  }
}
