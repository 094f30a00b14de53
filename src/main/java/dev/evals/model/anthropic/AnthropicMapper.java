package dev.evals.model.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.json.Mappers;
import dev.evals.model.ChatMessage;
import dev.evals.model.ChatRequest;
import dev.evals.model.ChatResponse;
import dev.evals.model.TokenUsage;
import dev.evals.model.ToolCall;
import dev.evals.model.ToolResult;
import dev.evals.model.ToolSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Provider-neutral chat types to and from Messages API bodies. */
final class AnthropicMapper {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AnthropicMapper() {}

  static ObjectNode request(String model, ChatRequest request) {
    ObjectNode body = NODES.objectNode();
    body.put("model", model);
    body.put("max_tokens", request.maxTokens());
    if (!request.system().isEmpty()) {
      body.put("system", request.system());
    }
    ArrayNode messages = body.putArray("messages");
    request.messages().stream().filter(m -> !isEmptyTurn(m)).forEach(m -> messages.add(message(m)));
    if (!request.tools().isEmpty()) {
      ArrayNode tools = body.putArray("tools");
      request.tools().forEach(t -> tools.add(tool(t)));
    }
    if (request.forcedTool() != null) {
      body.putObject("tool_choice").put("type", "tool").put("name", request.forcedTool());
    }
    if (request.temperature() != null) {
      body.put("temperature", request.temperature());
    }
    return body;
  }

  /**
   * The API rejects an assistant turn without content; leaving it out is safe because it merges the
   * user turns around it.
   */
  static boolean isEmptyTurn(ChatMessage message) {
    return message instanceof ChatMessage.Assistant a
        && a.text().isBlank()
        && a.toolCalls().isEmpty();
  }

  private static ObjectNode message(ChatMessage message) {
    ObjectNode node = NODES.objectNode();
    if (message instanceof ChatMessage.User user) {
      node.put("role", "user").put("content", user.text());
    } else if (message instanceof ChatMessage.Assistant assistant) {
      ArrayNode content = node.put("role", "assistant").putArray("content");
      if (!assistant.text().isBlank()) {
        content.addObject().put("type", "text").put("text", assistant.text());
      }
      assistant.toolCalls().forEach(call -> content.add(toolUse(call)));
    } else if (message instanceof ChatMessage.ToolResults results) {
      ArrayNode content = node.put("role", "user").putArray("content");
      results.results().forEach(r -> content.add(toolResult(r)));
    }
    return node;
  }

  private static ObjectNode toolUse(ToolCall call) {
    ObjectNode block = NODES.objectNode().put("type", "tool_use");
    block.put("id", call.id()).put("name", call.name());
    block.set("input", inputObject(call.arguments()));
    return block;
  }

  /** The API wants an object: malformed arguments (already answered as an error) become {}. */
  static JsonNode inputObject(String arguments) {
    try {
      JsonNode parsed = Mappers.json().readTree(arguments);
      return parsed != null && parsed.isObject() ? parsed : NODES.objectNode();
    } catch (IOException e) {
      return NODES.objectNode();
    }
  }

  private static ObjectNode toolResult(ToolResult result) {
    return NODES
        .objectNode()
        .put("type", "tool_result")
        .put("tool_use_id", result.callId())
        .put("content", result.content())
        .put("is_error", result.isError());
  }

  private static ObjectNode tool(ToolSpec spec) {
    ObjectNode node = NODES.objectNode();
    node.put("name", spec.name()).put("description", spec.description());
    node.set("input_schema", spec.inputSchema());
    return node;
  }

  static ChatResponse response(JsonNode body) {
    StringBuilder text = new StringBuilder();
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode block : body.path("content")) {
      switch (block.path("type").asText()) {
        case "text" -> text.append(block.path("text").asText());
        case "tool_use" ->
            calls.add(
                new ToolCall(
                    block.path("id").asText(),
                    block.path("name").asText(),
                    block.path("input").toString()));
        default -> {
          // thinking and other blocks are not part of the neutral conversation
        }
      }
    }
    return new ChatResponse(
        text.toString(),
        calls,
        Objects.requireNonNullElse(AnthropicUsage.read(body.path("usage")), TokenUsage.ZERO),
        body.path("stop_reason").asText(""));
  }
}
