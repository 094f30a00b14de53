package dev.evals.model;

import java.util.List;
import java.util.Objects;

/**
 * One turn request.
 *
 * @param system the system prompt, may be empty
 * @param messages the conversation so far, starting with a user message
 * @param tools the tools the model may call
 * @param forcedTool name of a tool the model must call (structured output), or null
 * @param maxTokens upper bound on the completion length, thinking not included
 */
public record ChatRequest(
    String system,
    List<ChatMessage> messages,
    List<ToolSpec> tools,
    String forcedTool,
    int maxTokens) {

  public static final int DEFAULT_MAX_TOKENS = 8192;

  /**
   * Sampling settings (temperature) and reasoning are not here: they belong to the model's entry,
   * {@link ModelOptions}, which the provider adapter applies.
   */
  public ChatRequest {
    system = Objects.requireNonNullElse(system, "");
    messages = List.copyOf(messages);
    tools = List.copyOf(tools);
    if (maxTokens <= 0) {
      throw new IllegalArgumentException("maxTokens must be positive");
    }
  }

  public static ChatRequest of(String system, List<ChatMessage> messages, List<ToolSpec> tools) {
    return new ChatRequest(system, messages, tools, null, DEFAULT_MAX_TOKENS);
  }
}
