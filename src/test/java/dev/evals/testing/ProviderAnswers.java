package dev.evals.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.json.Mappers;
import dev.evals.model.ToolCall;

/**
 * Response bodies as the providers send them, for WireMock stubs: OpenAI Chat Completions turns and
 * Anthropic's forced {@code submit_judgement} answer.
 */
public final class ProviderAnswers {

  private ProviderAnswers() {}

  /** An OpenAI-style assistant turn that calls one tool. */
  public static String openAiToolCall(ToolCall call, int promptTokens, int completionTokens) {
    ObjectNode response = openAi("tool_calls", promptTokens, completionTokens);
    ObjectNode message = message(response);
    message.putNull("content");
    ArrayNode toolCalls = message.putArray("tool_calls");
    ObjectNode toolCall = toolCalls.addObject().put("id", call.id()).put("type", "function");
    toolCall.putObject("function").put("name", call.name()).put("arguments", call.arguments());
    return response.toString();
  }

  /** An OpenAI-style assistant turn with text only: the model stops. */
  public static String openAiText(String text, int promptTokens, int completionTokens) {
    ObjectNode response = openAi("stop", promptTokens, completionTokens);
    message(response).put("content", text);
    return response.toString();
  }

  /** Anthropic's answer to the judge: a forced submit_judgement call with one met item. */
  public static String anthropicJudgement(
      int score, String checklistItem, int inputTokens, int outputTokens) {
    ObjectNode response =
        Mappers.json()
            .createObjectNode()
            .put("id", "msg_1")
            .put("type", "message")
            .put("role", "assistant")
            .put("model", "claude-sonnet-4-5-20250929")
            .put("stop_reason", "tool_use");
    ObjectNode input =
        response
            .putArray("content")
            .addObject()
            .put("type", "tool_use")
            .put("id", "toolu_1")
            .put("name", "submit_judgement")
            .putObject("input")
            .put("score", score)
            .put("summary", "Correct.");
    input
        .putArray("checklist")
        .addObject()
        .put("item", checklistItem)
        .put("met", true)
        .put("reason", "9/5+32");
    response.putObject("usage").put("input_tokens", inputTokens).put("output_tokens", outputTokens);
    return response.toString();
  }

  private static ObjectNode openAi(String finishReason, int promptTokens, int completionTokens) {
    ObjectNode response =
        Mappers.json()
            .createObjectNode()
            .put("id", "chatcmpl-1")
            .put("object", "chat.completion")
            .put("created", 1764000000)
            .put("model", "local");
    ObjectNode choice = response.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", finishReason);
    choice.putObject("message").put("role", "assistant");
    response
        .putObject("usage")
        .put("prompt_tokens", promptTokens)
        .put("completion_tokens", completionTokens)
        .put("total_tokens", promptTokens + completionTokens);
    return response;
  }

  private static ObjectNode message(ObjectNode response) {
    return (ObjectNode) response.get("choices").get(0).get("message");
  }
}
