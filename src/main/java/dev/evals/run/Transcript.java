package dev.evals.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.agent.AgentResult;
import dev.evals.model.ChatMessage;
import dev.evals.model.ToolCall;
import dev.evals.model.ToolResult;

/** {@code transcript.json}: every message and tool call of an attempt, in order. */
final class Transcript {

  private Transcript() {}

  static ObjectNode of(String systemPrompt, AgentResult result) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("systemPrompt", systemPrompt);
    root.put("stop", result.stop().name().toLowerCase(java.util.Locale.ROOT));
    root.put("turns", result.turns());
    if (!result.lastStop().raw().isEmpty() || !result.lastStop().detail().isEmpty()) {
      root.put("stopReason", result.lastStop().raw());
      if (!result.lastStop().detail().isEmpty()) {
        root.put("stopDetail", result.lastStop().detail());
      }
    }
    if (result.error() != null) {
      root.put("error", result.error());
    }
    ArrayNode messages = root.putArray("messages");
    for (ChatMessage message : result.messages()) {
      messages.add(toJson(message));
    }
    return root;
  }

  private static ObjectNode toJson(ChatMessage message) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    if (message instanceof ChatMessage.User user) {
      node.put("role", "user").put("text", user.text());
    } else if (message instanceof ChatMessage.Assistant assistant) {
      node.put("role", "assistant").put("text", assistant.text());
      if (!assistant.thoughts().isEmpty()) {
        ArrayNode thoughts = node.putArray("thinking");
        assistant.thoughts().forEach(t -> thoughts.add(t.isRedacted() ? "(redacted)" : t.text()));
      }
      ArrayNode calls = node.putArray("toolCalls");
      for (ToolCall call : assistant.toolCalls()) {
        calls
            .addObject()
            .put("id", call.id())
            .put("name", call.name())
            .put("arguments", call.arguments());
      }
    } else if (message instanceof ChatMessage.ToolResults results) {
      node.put("role", "tool");
      ArrayNode list = node.putArray("results");
      for (ToolResult result : results.results()) {
        list.addObject()
            .put("callId", result.callId())
            .put("name", result.toolName())
            .put("isError", result.isError())
            .put("content", result.content());
      }
    }
    return node;
  }
}
