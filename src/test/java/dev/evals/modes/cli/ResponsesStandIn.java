package dev.evals.modes.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.json.Mappers;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * OpenAI's Responses API ({@code POST /v1/responses}) as Codex calls it, streamed: {@code
 * response.created}, each output item's {@code response.output_item.added} and {@code .done}, then
 * {@code response.completed} with the usage. A {@code Call} to {@code apply_patch} is sent as the
 * freeform {@code custom_tool_call} Codex declares it as (its {@code patch} field is the input);
 * any other call as a {@code function_call} with JSON arguments. Every turn reports {@value #INPUT}
 * input tokens of which {@value #CACHED} cached, and {@value #OUTPUT} output.
 */
final class ResponsesStandIn extends StandIn {

  static final int INPUT = 2000;
  static final int CACHED = 1500;
  static final int OUTPUT = 80;

  ResponsesStandIn(Map<String, AgentPlay> plays) throws IOException {
    super("/v1/responses", plays);
  }

  @Override
  String baseUrl() {
    return origin() + "/v1";
  }

  @Override
  int turnsSoFar(JsonNode request) {
    int turns = 0;
    for (JsonNode item : request.path("input")) {
      String type = item.path("type").asText();
      boolean said = type.equals("message") && item.path("role").asText().equals("assistant");
      turns += said || type.equals("function_call") || type.equals("custom_tool_call") ? 1 : 0;
    }
    return turns;
  }

  @Override
  void stream(SseWriter out, JsonNode request, List<AgentPlay.Step> turn, int index)
      throws IOException {
    int sequence = 0;
    ObjectNode response =
        Mappers.json()
            .createObjectNode()
            .put("id", "resp_standin_" + index)
            .put("object", "response")
            .put("created_at", 0)
            .put("status", "in_progress")
            .put("model", request.path("model").asText());
    response.putArray("output");
    out.event("response.created", event("response.created", sequence++).set("response", response));
    ArrayNode output = Mappers.json().createArrayNode();
    for (int i = 0; i < turn.size(); i++) {
      ObjectNode item = item(turn.get(i), "item_" + index + "_" + i);
      output.add(item);
      for (String type : List.of("response.output_item.added", "response.output_item.done")) {
        out.event(type, event(type, sequence++).put("output_index", i).set("item", item));
      }
    }
    ObjectNode done = response.deepCopy().put("status", "completed");
    done.set("output", output);
    ObjectNode usage =
        done.putObject("usage").put("input_tokens", INPUT).put("output_tokens", OUTPUT);
    usage.putObject("input_tokens_details").put("cached_tokens", CACHED);
    usage.putObject("output_tokens_details").put("reasoning_tokens", 0);
    usage.put("total_tokens", INPUT + OUTPUT);
    out.event("response.completed", event("response.completed", sequence).set("response", done));
  }

  private static ObjectNode event(String type, int sequence) {
    return Mappers.json().createObjectNode().put("type", type).put("sequence_number", sequence);
  }

  private static ObjectNode item(AgentPlay.Step step, String id) {
    ObjectNode item = Mappers.json().createObjectNode().put("id", id).put("status", "completed");
    if (step instanceof AgentPlay.Say say) {
      item.put("type", "message").put("role", "assistant");
      item.putArray("content")
          .addObject()
          .put("type", "output_text")
          .put("text", say.text())
          .putArray("annotations");
    } else if (step instanceof AgentPlay.Call call && call.tool().equals("apply_patch")) {
      item.put("type", "custom_tool_call")
          .put("call_id", "call_" + id)
          .put("name", "apply_patch")
          .put("input", call.input().path("patch").asText());
    } else if (step instanceof AgentPlay.Call call) {
      item.put("type", "function_call")
          .put("call_id", "call_" + id)
          .put("name", call.tool())
          .put("arguments", call.input().toString());
    }
    return item;
  }

  @Override
  String errorBody(int status) {
    return "{\"error\":{\"message\":\"the stand-in answers "
        + status
        + "\",\"type\":\"server_error\"}}";
  }
}
