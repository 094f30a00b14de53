package dev.evals.model.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.json.Mappers;
import dev.evals.model.ChatMessage;
import dev.evals.model.ChatRequest;
import dev.evals.model.Thought;
import dev.evals.model.ToolCall;
import dev.evals.model.ToolResult;
import dev.evals.model.ToolSpec;
import java.io.IOException;
import java.util.List;

/** Provider-neutral chat requests to Messages API bodies; {@link AnthropicReply} reads answers. */
final class AnthropicMapper {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AnthropicMapper() {}

  static ObjectNode request(String model, ChatRequest request, AnthropicRequestSettings settings) {
    ObjectNode body = NODES.objectNode();
    body.put("model", model);
    // Thinking tokens count toward max_tokens, which must exceed the budget.
    body.put("max_tokens", request.maxTokens() + settings.thinkingBudget());
    if (!request.system().isEmpty()) {
      ArrayNode system = body.putArray("system");
      ObjectNode block = system.addObject().put("type", "text").put("text", request.system());
      if (settings.promptCache()) {
        cacheBreakpoint(block);
      }
    }
    ArrayNode messages = body.putArray("messages");
    request.messages().stream().filter(m -> !isEmptyTurn(m)).forEach(m -> messages.add(message(m)));
    if (settings.promptCache() && !messages.isEmpty()) {
      markLatestTurn((ObjectNode) messages.get(messages.size() - 1));
    }
    if (!request.tools().isEmpty()) {
      ArrayNode tools = body.putArray("tools");
      request.tools().forEach(t -> tools.add(tool(t)));
      if (settings.promptCache()) {
        cacheBreakpoint((ObjectNode) tools.get(tools.size() - 1));
      }
    }
    if (request.forcedTool() != null) {
      toolChoice(body, request.forcedTool(), settings);
    }
    options(body, settings);
    return body;
  }

  /**
   * A tool choice naming the tool, unless the model rejects one (Claude 5.5 models, and any model
   * while thinking): then {@code auto}, and the caller reads whether the tool was called.
   */
  private static void toolChoice(ObjectNode body, String tool, AnthropicRequestSettings settings) {
    if (settings.options().forcedToolAllowed() && !settings.thinking()) {
      body.putObject("tool_choice").put("type", "tool").put("name", tool);
    } else {
      body.putObject("tool_choice").put("type", "auto");
    }
  }

  private static void options(ObjectNode body, AnthropicRequestSettings settings) {
    settings
        .options()
        .get("thinking")
        .ifPresent(
            value -> {
              ObjectNode thinking = body.putObject("thinking");
              switch (value) {
                case "adaptive" -> thinking.put("type", "adaptive");
                case "off" -> thinking.put("type", "disabled");
                default ->
                    thinking.put("type", "enabled").put("budget_tokens", Integer.parseInt(value));
              }
            });
    settings
        .options()
        .get("effort")
        .ifPresent(effort -> body.putObject("output_config").put("effort", effort));
    if (settings.takesTemperature()) {
      settings.options().temperature().ifPresent(t -> body.put("temperature", t));
    }
  }

  private static void cacheBreakpoint(ObjectNode block) {
    block.putObject("cache_control").put("type", "ephemeral");
  }

  /** The breakpoint on the latest turn caches the whole conversation for the next request. */
  private static void markLatestTurn(ObjectNode message) {
    JsonNode content = message.get("content");
    if (content.isTextual()) {
      ArrayNode blocks = NODES.arrayNode();
      blocks.addObject().put("type", "text").put("text", content.asText());
      message.set("content", blocks);
      content = blocks;
    }
    if (!content.isEmpty()) {
      cacheBreakpoint((ObjectNode) content.get(content.size() - 1));
    }
  }

  /**
   * The API rejects an assistant turn without content; leaving it out is safe because it merges the
   * user turns around it.
   */
  static boolean isEmptyTurn(ChatMessage message) {
    return message instanceof ChatMessage.Assistant a
        && a.text().isBlank()
        && a.toolCalls().isEmpty()
        && a.thoughts().isEmpty();
  }

  private static ObjectNode message(ChatMessage message) {
    ObjectNode node = NODES.objectNode();
    if (message instanceof ChatMessage.User user) {
      node.put("role", "user").put("content", user.text());
    } else if (message instanceof ChatMessage.Assistant assistant) {
      ArrayNode content = node.put("role", "assistant").putArray("content");
      // Thinking blocks go back unchanged and first, as they came.
      thoughts(assistant.thoughts(), content);
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

  private static void thoughts(List<Thought> thoughts, ArrayNode content) {
    for (Thought thought : thoughts) {
      if (thought.isRedacted()) {
        content.addObject().put("type", "redacted_thinking").put("data", thought.redactedData());
      } else {
        content
            .addObject()
            .put("type", "thinking")
            .put("thinking", thought.text())
            .put("signature", thought.signature());
      }
    }
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
}
