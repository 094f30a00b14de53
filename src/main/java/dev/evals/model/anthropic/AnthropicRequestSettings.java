package dev.evals.model.anthropic;

import dev.evals.model.ModelOptions;
import java.util.Objects;

/**
 * How requests to one Claude model are shaped.
 *
 * @param apiVersion the {@code anthropic-version} header: {@link #CURRENT_VERSION}, which the
 *     current SDK sends and which has no sampling parameters, or {@link #LEGACY_VERSION}
 * @param options the model's options (thinking, effort, temperature on the legacy version, and
 *     whether to mark cache breakpoints on the tools, system prompt and latest turn)
 */
public record AnthropicRequestSettings(String apiVersion, ModelOptions options) {

  /** What {@code @anthropic-ai/sdk} 1.x sends; temperature, top_p and top_k are removed. */
  public static final String CURRENT_VERSION = "2026-10-21";

  /** The version before it, still served; the only one that takes a temperature. */
  public static final String LEGACY_VERSION = "2023-06-01";

  public AnthropicRequestSettings {
    Objects.requireNonNull(apiVersion, "apiVersion");
    options = Objects.requireNonNullElse(options, ModelOptions.NONE);
  }

  /** Whether requests carry prompt-cache breakpoints. */
  boolean promptCache() {
    return options.promptCache();
  }

  /** Whether this version takes sampling parameters. */
  public boolean takesTemperature() {
    return apiVersion.equals(LEGACY_VERSION);
  }

  /** The thinking budget in tokens, or 0 when thinking is not given a budget. */
  int thinkingBudget() {
    return options.get("thinking").filter(v -> v.matches("\\d+")).map(Integer::parseInt).orElse(0);
  }

  /** Whether the model thinks: with a budget or adaptively. */
  boolean thinking() {
    return options.get("thinking").map(v -> !v.equals("off")).orElse(false);
  }
}
