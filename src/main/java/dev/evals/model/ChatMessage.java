package dev.evals.model;

import java.util.List;
import java.util.Objects;

/** A message of a conversation, in provider-neutral form. */
public sealed interface ChatMessage {

  /** What the user (or the harness on the user's behalf) says. */
  record User(String text) implements ChatMessage {
    public User {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A model turn: optional text, the tool calls it asked for, and the reasoning blocks the provider
   * wants back with it.
   */
  record Assistant(String text, List<ToolCall> toolCalls, List<Thought> thoughts)
      implements ChatMessage {
    public Assistant {
      text = Objects.requireNonNullElse(text, "");
      toolCalls = List.copyOf(toolCalls);
      thoughts = thoughts == null ? List.of() : List.copyOf(thoughts);
    }

    public Assistant(String text, List<ToolCall> toolCalls) {
      this(text, toolCalls, List.of());
    }
  }

  /** The answers to every tool call of the preceding assistant turn. */
  record ToolResults(List<ToolResult> results) implements ChatMessage {
    public ToolResults {
      results = List.copyOf(results);
    }
  }
}
