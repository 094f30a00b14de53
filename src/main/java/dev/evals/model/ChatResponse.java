package dev.evals.model;

import java.util.List;
import java.util.Objects;

/**
 * A model turn.
 *
 * @param text the assistant text, empty when there is none
 * @param toolCalls the tool calls requested, empty when the model stopped
 * @param usage the tokens this request consumed
 * @param stopReason the provider's stop reason, for the transcript
 */
public record ChatResponse(
    String text, List<ToolCall> toolCalls, TokenUsage usage, String stopReason) {
  public ChatResponse {
    text = Objects.requireNonNullElse(text, "");
    toolCalls = List.copyOf(toolCalls);
    usage = Objects.requireNonNullElse(usage, TokenUsage.ZERO);
    stopReason = Objects.requireNonNullElse(stopReason, "");
  }

  public ChatMessage.Assistant asMessage() {
    return new ChatMessage.Assistant(text, toolCalls);
  }
}
