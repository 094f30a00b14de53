package dev.evals.model;

import java.util.Objects;

/**
 * A tool call as the model sent it.
 *
 * @param id the provider's call id, echoed back in the {@link ToolResult}
 * @param name the tool name, possibly one that does not exist
 * @param arguments the arguments as JSON text, exactly as received (possibly malformed)
 * @param signature the provider's thought signature of this call (Gemini 3), sent back with it, or
 *     null
 */
public record ToolCall(String id, String name, String arguments, String signature) {
  public ToolCall {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    arguments = Objects.requireNonNullElse(arguments, "{}");
  }

  public ToolCall(String id, String name, String arguments) {
    this(id, name, arguments, null);
  }
}
