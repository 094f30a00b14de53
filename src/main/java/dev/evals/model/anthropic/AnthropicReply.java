package dev.evals.model.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.model.ChatResponse;
import dev.evals.model.StopReason;
import dev.evals.model.StopReason.Kind;
import dev.evals.model.Thought;
import dev.evals.model.TokenUsage;
import dev.evals.model.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A Messages API answer in provider-neutral form. */
final class AnthropicReply {

  private AnthropicReply() {}

  static ChatResponse read(JsonNode body) {
    List<String> texts = new ArrayList<>();
    List<ToolCall> calls = new ArrayList<>();
    List<Thought> thoughts = new ArrayList<>();
    for (JsonNode block : body.path("content")) {
      switch (block.path("type").asText()) {
        case "text" -> texts.add(block.path("text").asText());
        case "tool_use" ->
            calls.add(
                new ToolCall(
                    block.path("id").asText(),
                    block.path("name").asText(),
                    block.path("input").toString()));
        case "thinking" ->
            thoughts.add(
                new Thought(
                    block.path("thinking").asText(""), block.path("signature").asText(), null));
        case "redacted_thinking" -> thoughts.add(Thought.redacted(block.path("data").asText()));
        default -> {
          // server tool blocks are not part of the neutral conversation
        }
      }
    }
    return new ChatResponse(
        String.join("\n", texts),
        calls,
        Objects.requireNonNullElse(AnthropicUsage.read(body.path("usage")), TokenUsage.ZERO),
        stop(body),
        thoughts);
  }

  /** Anthropic's stop reasons, with a refusal's category and explanation from stop_details. */
  static StopReason stop(JsonNode body) {
    String raw = body.path("stop_reason").asText("");
    Kind kind =
        switch (raw) {
          case "end_turn", "stop_sequence" -> Kind.END_TURN;
          case "tool_use" -> Kind.TOOL_USE;
          case "max_tokens" -> Kind.TRUNCATED;
          case "refusal" -> Kind.REFUSAL;
          case "model_context_window_exceeded" -> Kind.CONTEXT_OVERFLOW;
          default -> Kind.OTHER;
        };
    JsonNode details = body.path("stop_details");
    List<String> detail = new ArrayList<>();
    if (kind == Kind.REFUSAL && details.isObject()) {
      for (String field : List.of("category", "explanation")) {
        String value = details.path(field).asText("");
        if (!value.isBlank()) {
          detail.add(value);
        }
      }
    }
    return new StopReason(kind, raw, String.join(": ", detail));
  }
}
