package dev.evals.model.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.json.Mappers;
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
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Provider-neutral chat types to and from {@code generateContent} bodies. */
final class GeminiMapper {

  /**
   * Gemini 3 rejects a replayed function call without the thought signature it was sent with. The
   * conversation keeps the real signatures; this documented value stands in only for a turn that
   * came without one (another model's turn, or one written by the harness).
   */
  static final String SKIP_SIGNATURE = "skip_thought_signature_validator";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private GeminiMapper() {}

  static ObjectNode request(ChatRequest request, ModelOptions options) {
    ObjectNode body = NODES.objectNode();
    if (!request.system().isEmpty()) {
      body.putObject("systemInstruction")
          .putArray("parts")
          .addObject()
          .put("text", request.system());
    }
    ArrayNode contents = body.putArray("contents");
    // A model turn without parts is rejected; Gemini accepts consecutive user turns instead.
    request.messages().stream()
        .filter(
            m ->
                !(m instanceof ChatMessage.Assistant a
                    && a.text().isBlank()
                    && a.toolCalls().isEmpty()))
        .forEach(m -> contents.add(content(m)));
    if (!request.tools().isEmpty()) {
      ArrayNode declarations = body.putArray("tools").addObject().putArray("functionDeclarations");
      request.tools().forEach(t -> declarations.add(declaration(t)));
    }
    if (request.forcedTool() != null && options.forcedToolAllowed()) {
      ObjectNode config = body.putObject("toolConfig").putObject("functionCallingConfig");
      config.put("mode", "ANY").putArray("allowedFunctionNames").add(request.forcedTool());
    }
    ObjectNode generation = body.putObject("generationConfig");
    options.temperature().ifPresent(t -> generation.put("temperature", t));
    generation.put("maxOutputTokens", request.maxTokens());
    thinkingConfig(generation, options);
    return body;
  }

  private static void thinkingConfig(ObjectNode generation, ModelOptions options) {
    if (options.get("thinking_budget").isEmpty()
        && options.get("thinking_level").isEmpty()
        && options.get("include_thoughts").isEmpty()) {
      return;
    }
    ObjectNode thinking = generation.putObject("thinkingConfig");
    options
        .get("thinking_budget")
        .ifPresent(b -> thinking.put("thinkingBudget", Integer.parseInt(b)));
    options.get("thinking_level").ifPresent(level -> thinking.put("thinkingLevel", level));
    options
        .get("include_thoughts")
        .ifPresent(include -> thinking.put("includeThoughts", Boolean.parseBoolean(include)));
  }

  private static ObjectNode content(ChatMessage message) {
    ObjectNode node = NODES.objectNode();
    if (message instanceof ChatMessage.User user) {
      node.put("role", "user").putArray("parts").addObject().put("text", user.text());
    } else if (message instanceof ChatMessage.Assistant assistant) {
      ArrayNode parts = node.put("role", "model").putArray("parts");
      if (!assistant.text().isBlank()) {
        parts.addObject().put("text", assistant.text());
      }
      boolean signed = assistant.toolCalls().stream().anyMatch(c -> c.signature() != null);
      for (int i = 0; i < assistant.toolCalls().size(); i++) {
        parts.add(functionCall(assistant.toolCalls().get(i), i == 0 && !signed));
      }
    } else if (message instanceof ChatMessage.ToolResults results) {
      ArrayNode parts = node.put("role", "user").putArray("parts");
      results.results().forEach(r -> parts.add(functionResponse(r)));
    }
    return node;
  }

  private static ObjectNode functionCall(ToolCall call, boolean skipValidation) {
    ObjectNode part = NODES.objectNode();
    ObjectNode function = part.putObject("functionCall").put("name", call.name());
    function.set("args", argsObject(call.arguments()));
    if (call.signature() != null) {
      part.put("thoughtSignature", call.signature());
    } else if (skipValidation) {
      part.put("thoughtSignature", SKIP_SIGNATURE);
    }
    return part;
  }

  private static JsonNode argsObject(String arguments) {
    try {
      JsonNode parsed = Mappers.json().readTree(arguments);
      return parsed != null && parsed.isObject() ? parsed : NODES.objectNode();
    } catch (IOException e) {
      return NODES.objectNode();
    }
  }

  /** Gemini's documented convention: the output under one key, or the failure under "error". */
  private static ObjectNode functionResponse(ToolResult result) {
    ObjectNode part = NODES.objectNode();
    ObjectNode response = part.putObject("functionResponse").put("name", result.toolName());
    response.putObject("response").put(result.isError() ? "error" : "content", result.content());
    return part;
  }

  private static ObjectNode declaration(ToolSpec spec) {
    ObjectNode node = NODES.objectNode().put("name", spec.name());
    node.put("description", spec.description());
    // Gemini rejects an OBJECT schema without properties; a tool that takes none declares none.
    if (!spec.inputSchema().path("properties").isEmpty()) {
      node.set("parameters", GeminiSchema.of(spec.inputSchema()));
    }
    return node;
  }

  /**
   * @param turn the number of this model turn in the conversation, for call ids
   */
  static ChatResponse response(GenerateContentResponse answer, int turn) {
    Optional<GenerateContentResponse.Candidate> candidate = answer.first();
    List<String> texts = new ArrayList<>();
    List<ToolCall> calls = new ArrayList<>();
    for (GenerateContentResponse.Part part :
        candidate.map(GenerateContentResponse.Candidate::parts).orElse(List.of())) {
      if (part.functionCall() != null) {
        String id = "call-" + turn + "-" + calls.size();
        GenerateContentResponse.FunctionCall call = part.functionCall();
        calls.add(new ToolCall(id, call.name(), call.arguments(), part.thoughtSignature()));
      } else if (part.text() != null && !part.isThought()) {
        texts.add(part.text());
      }
    }
    return new ChatResponse(
        String.join("\n", texts),
        calls,
        usage(answer.usageMetadata()),
        stop(answer.promptFeedback(), candidate),
        List.of());
  }

  /**
   * Gemini's finish reasons; a prompt blocked before any candidate is a refusal named by {@code
   * promptFeedback.blockReason}.
   */
  static StopReason stop(
      GenerateContentResponse.PromptFeedback feedback,
      Optional<GenerateContentResponse.Candidate> first) {
    if (first.isEmpty() && feedback != null && !feedback.blockReason().isEmpty()) {
      String message = feedback.blockReasonMessage();
      return new StopReason(
          Kind.REFUSAL,
          feedback.blockReason(),
          "prompt blocked" + (message.isEmpty() ? "" : ": " + message));
    }
    String raw = first.map(GenerateContentResponse.Candidate::finishReason).orElse("");
    Kind kind =
        switch (raw) {
          case "STOP" -> Kind.END_TURN;
          case "MAX_TOKENS" -> Kind.TRUNCATED;
          case "SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "IMAGE_SAFETY" -> Kind.REFUSAL;
          case "MALFORMED_FUNCTION_CALL", "UNEXPECTED_TOOL_CALL" -> Kind.MALFORMED_CALL;
          default -> Kind.OTHER;
        };
    return new StopReason(
        kind, raw, first.map(GenerateContentResponse.Candidate::finishMessage).orElse(""));
  }

  /**
   * Thinking tokens are billed as output, so they count as completion; cached tokens are part of
   * the prompt count.
   */
  private static TokenUsage usage(GenerateContentResponse.UsageMetadata usage) {
    if (usage == null) {
      return TokenUsage.ZERO;
    }
    long prompt = count(usage.promptTokenCount());
    long completion = count(usage.candidatesTokenCount()) + count(usage.thoughtsTokenCount());
    long cached = Math.min(prompt, count(usage.cachedContentTokenCount()));
    long total = usage.totalTokenCount() == null ? prompt + completion : usage.totalTokenCount();
    return new TokenUsage(prompt, completion, total, 0, cached);
  }

  private static long count(Long tokens) {
    return tokens == null ? 0 : tokens;
  }
}
