package dev.evals.modes;

import dev.evals.datatable.DatatableServer;
import java.util.Objects;

/**
 * What an attempt's session needs from the run.
 *
 * @param systemPromptOverride a system prompt replacing the mode's own, or null
 * @param previewer runs test runs on Windmill when backend preview is on, or null when it is off
 * @param datatables the run's PostgreSQL for datatables, started by the first attempt using one
 */
public record SessionContext(
    String systemPromptOverride, Previewer previewer, DatatableServer datatables) {

  public static final SessionContext DEFAULT = new SessionContext(null, null);

  public SessionContext {
    Objects.requireNonNull(datatables, "datatables");
  }

  /** A context on the process's shared datatable server (stopped when the JVM exits). */
  public SessionContext(String systemPromptOverride, Previewer previewer) {
    this(systemPromptOverride, previewer, DatatableServer.shared());
  }

  /** The override when one was given ({@code --system-prompt}), else the mode's own prompt. */
  public String systemPrompt(String modePrompt) {
    return systemPromptOverride == null ? modePrompt : systemPromptOverride;
  }
}
