package dev.evals.modes.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.json.Mappers;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Anthropic's Messages API ({@code POST /v1/messages}) as Claude Code calls it, streamed as
 * Anthropic streams: {@code message_start} with the prompt's usage, each block's {@code
 * content_block_start}, delta and stop, {@code message_delta} with the output usage and stop
 * reason, {@code message_stop}. Every turn reports {@value #INPUT} uncached input tokens, {@value
 * #CACHE_WRITE} written to the cache, {@value #CACHE_READ} read from it and {@value #OUTPUT} output
 * tokens.
 */
final class MessagesStandIn extends StandIn {

  static final int INPUT = 120;
  static final int CACHE_WRITE = 400;
  static final int CACHE_READ = 3000;
  static final int OUTPUT = 60;

  MessagesStandIn(Map<String, AgentPlay> plays) throws IOException {
    super("/v1/messages", plays);
  }

  @Override
  String baseUrl() {
    return origin();
  }

  @Override
  int turnsSoFar(JsonNode request) {
    int turns = 0;
    for (JsonNode message : request.path("messages")) {
      turns += message.path("role").asText().equals("assistant") ? 1 : 0;
    }
    return turns;
  }

  @Override
  void stream(SseWriter out, JsonNode request, List<AgentPlay.Step> turn, int index)
      throws IOException {
    ObjectNode start = Mappers.json().createObjectNode().put("type", "message_start");
    start
        .putObject("message")
        .put("id", "msg_standin_" + request.path("messages").size() + "_" + index)
        .put("type", "message")
        .put("role", "assistant")
        .put("model", request.path("model").asText())
        .putNull("stop_reason")
        .putNull("stop_sequence")
        .<ObjectNode>set("content", Mappers.json().createArrayNode())
        .putObject("usage")
        .put("input_tokens", INPUT)
        .put("cache_creation_input_tokens", CACHE_WRITE)
        .put("cache_read_input_tokens", CACHE_READ)
        .put("output_tokens", 1);
    out.event("message_start", start);
    boolean calls = false;
    for (int i = 0; i < turn.size(); i++) {
      calls |= block(out, i, turn.get(i), index);
    }
    ObjectNode delta = Mappers.json().createObjectNode().put("type", "message_delta");
    delta
        .putObject("delta")
        .put("stop_reason", calls ? "tool_use" : "end_turn")
        .putNull("stop_sequence");
    delta.putObject("usage").put("output_tokens", OUTPUT);
    out.event("message_delta", delta);
    out.event("message_stop", Mappers.json().createObjectNode().put("type", "message_stop"));
  }

  private static boolean block(SseWriter out, int i, AgentPlay.Step step, int turn)
      throws IOException {
    ObjectNode start =
        Mappers.json().createObjectNode().put("type", "content_block_start").put("index", i);
    ObjectNode delta =
        Mappers.json().createObjectNode().put("type", "content_block_delta").put("index", i);
    boolean call = step instanceof AgentPlay.Call;
    if (step instanceof AgentPlay.Say say) {
      start.putObject("content_block").put("type", "text").put("text", "");
      delta.putObject("delta").put("type", "text_delta").put("text", say.text());
    } else if (step instanceof AgentPlay.Call tool) {
      start
          .putObject("content_block")
          .put("type", "tool_use")
          .put("id", "toolu_standin_" + turn + "_" + i)
          .put("name", tool.tool())
          .putObject("input");
      delta
          .putObject("delta")
          .put("type", "input_json_delta")
          .put("partial_json", tool.input().toString());
    }
    out.event("content_block_start", start);
    out.event("content_block_delta", delta);
    out.event(
        "content_block_stop",
        Mappers.json().createObjectNode().put("type", "content_block_stop").put("index", i));
    return call;
  }

  @Override
  String errorBody(int status) {
    return "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
        + "\"message\":\"the stand-in answers "
        + status
        + "\"}}";
  }
}
