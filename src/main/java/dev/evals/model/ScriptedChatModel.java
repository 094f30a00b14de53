package dev.evals.model;

import java.util.Iterator;
import java.util.List;

/**
 * A model that plays back fixed tool calls, one per turn, then stops. The reference model uses it
 * to replay each case's expected solution through the same tools a real model uses.
 */
public final class ScriptedChatModel implements ChatModel {

  private final Iterator<ToolCall> script;
  private final String closingText;

  public ScriptedChatModel(List<ToolCall> calls, String closingText) {
    this.script = List.copyOf(calls).iterator();
    this.closingText = closingText;
  }

  @Override
  public synchronized ChatResponse chat(ChatRequest request) {
    if (script.hasNext()) {
      return new ChatResponse("", List.of(script.next()), TokenUsage.ZERO, "tool_use");
    }
    return new ChatResponse(closingText, List.of(), TokenUsage.ZERO, "end_turn");
  }
}
