package dev.evals.model.anthropic;

import dev.evals.model.ChatResponse;
import dev.evals.model.StopReason;
import dev.evals.model.StopReason.Kind;
import dev.evals.model.Thought;
import dev.evals.model.TokenUsage;
import dev.evals.model.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A Messages API answer in provider-neutral form. */
final class AnthropicReply {

  private AnthropicReply() {}

  static ChatResponse of(MessagesResponse answer) {
    List<String> texts = new ArrayList<>();
    List<ToolCall> calls = new ArrayList<>();
    List<Thought> thoughts = new ArrayList<>();
    for (MessagesResponse.Block block : answer.content()) {
      if (block instanceof MessagesResponse.Block.Text text) {
        texts.add(text.text());
      } else if (block instanceof MessagesResponse.Block.ToolUse use) {
        calls.add(new ToolCall(use.id(), use.name(), use.arguments()));
      } else if (block instanceof MessagesResponse.Block.Thinking thinking) {
        thoughts.add(new Thought(thinking.thinking(), thinking.signature(), null));
      } else if (block instanceof MessagesResponse.Block.RedactedThinking redacted) {
        thoughts.add(Thought.redacted(redacted.data()));
      }
      // other blocks (server tools) are not part of the neutral conversation
    }
    TokenUsage usage = answer.usage() == null ? TokenUsage.ZERO : answer.usage().tokens();
    return new ChatResponse(String.join("\n", texts), calls, usage, stop(answer), thoughts);
  }

  /** Anthropic's stop reasons, with a refusal's category and explanation from stop_details. */
  static StopReason stop(MessagesResponse answer) {
    String raw = answer.stopReason();
    Kind kind =
        switch (raw) {
          case "end_turn", "stop_sequence" -> Kind.END_TURN;
          case "tool_use" -> Kind.TOOL_USE;
          case "max_tokens" -> Kind.TRUNCATED;
          case "refusal" -> Kind.REFUSAL;
          case "model_context_window_exceeded" -> Kind.CONTEXT_OVERFLOW;
          default -> Kind.OTHER;
        };
    MessagesResponse.StopDetails details = answer.stopDetails();
    List<String> detail =
        kind != Kind.REFUSAL || details == null
            ? List.of()
            : Stream.of(details.category(), details.explanation())
                .filter(value -> value != null && !value.isBlank())
                .toList();
    return new StopReason(kind, raw, String.join(": ", detail));
  }
}
