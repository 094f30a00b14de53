package dev.evals.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.evals.json.Mappers;
import dev.evals.model.ToolCall;

/**
 * Response bodies as the providers send them, for WireMock stubs: OpenAI Chat Completions turns and
 * Anthropic's forced {@code submit_judgement} answer.
 */
public final class ProviderAnswers {

  private ProviderAnswers() {}

  /**
   * Stubs an OpenAI-compatible model that sets the given flow fixture ({@code value} and {@code
   * schema}) with one {@code set_flow} call, then says it is done: 60 prompt and 30 completion
   * tokens per turn.
   */
  public static void stubOpenAiModelSettingTheFlow(WireMockExtension provider, JsonNode flow)
      throws JsonProcessingException {
    ObjectNode setFlow = Mappers.json().createObjectNode();
    setFlow.set("value", flow.get("value"));
    setFlow.set("schema", flow.get("schema"));
    String toolTurn =
        openAiToolCall(
            new ToolCall("call_1", "set_flow", Mappers.json().writeValueAsString(setFlow)), 60, 30);
    provider.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .inScenario("model")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse().withHeader("Content-Type", "application/json").withBody(toolTurn))
            .willSetStateTo("flow set"));
    provider.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .inScenario("model")
            .whenScenarioStateIs("flow set")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(openAiText("The flow is ready.", 60, 30))));
  }

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
