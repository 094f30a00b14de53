package dev.evals.model.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.model.ChatMessage;
import dev.evals.model.ChatRequest;
import dev.evals.model.ChatResponse;
import dev.evals.model.ModelOptions;
import dev.evals.model.StopReason;
import dev.evals.model.StopReason.Kind;
import dev.evals.model.TokenUsage;
import dev.evals.model.ToolCall;
import dev.evals.model.ToolResult;
import dev.evals.model.ToolSpec;
import java.util.ArrayList;
import java.util.List;

/** Provider-neutral chat types to and from Chat Completions bodies. */
final class OpenAiMapper {

  /** Chat Completions has no error flag on tool messages, so errors say so in their text. */
  static final String ERROR_PREFIX = "ERROR: ";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private OpenAiMapper() {}

  static ObjectNode request(
      String model, ChatRequest request, MaxTokensField maxTokens, ModelOptions options) {
    ObjectNode body = NODES.objectNode();
    body.put("model", model);
    ArrayNode messages = body.putArray("messages");
    if (!request.system().isEmpty()) {
      messages.addObject().put("role", "system").put("content", request.system());
    }
    request.messages().forEach(m -> addMessage(messages, m));
    if (!request.tools().isEmpty()) {
      ArrayNode tools = body.putArray("tools");
      request.tools().forEach(t -> tools.add(tool(t)));
    }
    if (request.forcedTool() != null) {
      if (options.forcedToolAllowed()) {
        ObjectNode choice = body.putObject("tool_choice").put("type", "function");
        choice.putObject("function").put("name", request.forcedTool());
      } else {
        body.put("tool_choice", "required");
      }
    }
    options.temperature().ifPresent(t -> body.put("temperature", t));
    options.get("reasoning_effort").ifPresent(effort -> body.put("reasoning_effort", effort));
    body.put(maxTokens.wireName(), request.maxTokens());
    return body;
  }

  private static void addMessage(ArrayNode messages, ChatMessage message) {
    if (message instanceof ChatMessage.User user) {
      messages.addObject().put("role", "user").put("content", user.text());
    } else if (message instanceof ChatMessage.Assistant assistant) {
      messages.add(assistant(assistant));
    } else if (message instanceof ChatMessage.ToolResults results) {
      results.results().forEach(r -> messages.add(toolMessage(r)));
    }
  }

  private static ObjectNode assistant(ChatMessage.Assistant assistant) {
    ObjectNode node = NODES.objectNode().put("role", "assistant");
    if (assistant.text().isEmpty() && !assistant.toolCalls().isEmpty()) {
      node.putNull("content");
    } else {
      node.put("content", assistant.text());
    }
    if (!assistant.toolCalls().isEmpty()) {
      ArrayNode calls = node.putArray("tool_calls");
      for (ToolCall call : assistant.toolCalls()) {
        ObjectNode wire = calls.addObject().put("id", call.id()).put("type", "function");
        wire.putObject("function").put("name", call.name()).put("arguments", call.arguments());
      }
    }
    return node;
  }

  private static ObjectNode toolMessage(ToolResult result) {
    return NODES
        .objectNode()
        .put("role", "tool")
        .put("tool_call_id", result.callId())
        .put("content", result.isError() ? ERROR_PREFIX + result.content() : result.content());
  }

  private static ObjectNode tool(ToolSpec spec) {
    ObjectNode node = NODES.objectNode().put("type", "function");
    ObjectNode function = node.putObject("function");
    function.put("name", spec.name()).put("description", spec.description());
    function.set("parameters", spec.inputSchema());
    return node;
  }

  static ChatResponse response(ChatCompletion answer) {
    ChatCompletion.Choice choice = answer.first();
    List<ToolCall> calls = new ArrayList<>();
    for (ChatCompletion.WireToolCall call : choice.message().toolCalls()) {
      calls.add(new ToolCall(call.id(), call.function().name(), call.function().arguments()));
    }
    return new ChatResponse(
        choice.message().content(), calls, usage(answer.usage()), stop(choice), List.of());
  }

  /** A {@code refusal} on the message is a refusal whatever the finish reason says. */
  static StopReason stop(ChatCompletion.Choice choice) {
    String raw = choice.finishReason();
    String refusal = choice.message().refusal();
    if (refusal != null && !refusal.isBlank()) {
      return new StopReason(Kind.REFUSAL, raw.isEmpty() ? "refusal" : raw, refusal);
    }
    Kind kind =
        switch (raw) {
          case "stop" -> Kind.END_TURN;
          case "tool_calls", "function_call" -> Kind.TOOL_USE;
          case "length" -> Kind.TRUNCATED;
          case "content_filter" -> Kind.REFUSAL;
          default -> Kind.OTHER;
        };
    return StopReason.of(kind, raw);
  }

  private static TokenUsage usage(ChatCompletion.Usage usage) {
    if (usage == null) {
      return TokenUsage.ZERO;
    }
    long prompt = count(usage.promptTokens());
    long completion = count(usage.completionTokens());
    long cached =
        usage.promptTokensDetails() == null
            ? 0
            : Math.min(prompt, count(usage.promptTokensDetails().cachedTokens()));
    long total = usage.totalTokens() == null ? prompt + completion : usage.totalTokens();
    return new TokenUsage(prompt, completion, total, 0, cached);
  }

  private static long count(Long tokens) {
    return tokens == null ? 0 : tokens;
  }
}
