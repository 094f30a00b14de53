package dev.evals.model;

import java.util.List;
import java.util.Objects;

/**
 * A model turn.
 *
 * @param text the assistant text, empty when there is none
 * @param toolCalls the tool calls requested, empty when the model stopped
 * @param usage the tokens this request consumed
 * @param stop why the turn ended
 * @param thoughts the reasoning blocks to send back with this turn, in order
 */
public record ChatResponse(
    String text,
    List<ToolCall> toolCalls,
    TokenUsage usage,
    StopReason stop,
    List<Thought> thoughts) {
  public ChatResponse {
    text = Objects.requireNonNullElse(text, "");
    toolCalls = List.copyOf(toolCalls);
    usage = Objects.requireNonNullElse(usage, TokenUsage.ZERO);
    stop = Objects.requireNonNullElse(stop, StopReason.UNKNOWN);
    thoughts = thoughts == null ? List.of() : List.copyOf(thoughts);
  }

  /** A turn without reasoning, its reason read from the common spellings. */
  public ChatResponse(String text, List<ToolCall> toolCalls, TokenUsage usage, String stopReason) {
    this(text, toolCalls, usage, StopReason.generic(stopReason), List.of());
  }

  /** The provider's reason as sent. */
  public String stopReason() {
    return stop.raw();
  }

  public ChatMessage.Assistant asMessage() {
    return new ChatMessage.Assistant(text, toolCalls, thoughts);
  }
}
