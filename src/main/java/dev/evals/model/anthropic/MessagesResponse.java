package dev.evals.model.anthropic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * What this harness reads of a Messages API answer, in Anthropic's field names; everything else the
 * API sends is ignored.
 *
 * @param content the answer's blocks, in order
 * @param stopReason why the turn ended ({@code end_turn}, {@code tool_use}, ...)
 * @param stopDetails a refusal's category and explanation, or null
 * @param usage the tokens of this request, or null when the answer has none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record MessagesResponse(
    List<Block> content,
    @JsonProperty("stop_reason") String stopReason,
    @JsonProperty("stop_details") StopDetails stopDetails,
    AnthropicUsage usage) {

  MessagesResponse {
    content = content == null ? List.of() : content.stream().filter(Objects::nonNull).toList();
    stopReason = Objects.requireNonNullElse(stopReason, "");
  }

  /** A content block, told apart by its {@code type}; server tool blocks are {@link Other}. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", defaultImpl = Block.Other.class)
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Block.Text.class, name = "text"),
    @JsonSubTypes.Type(value = Block.ToolUse.class, name = "tool_use"),
    @JsonSubTypes.Type(value = Block.Thinking.class, name = "thinking"),
    @JsonSubTypes.Type(value = Block.RedactedThinking.class, name = "redacted_thinking")
  })
  sealed interface Block {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Text(String text) implements Block {
      public Text {
        text = Objects.requireNonNullElse(text, "");
      }
    }

    /**
     * @param input the call's arguments as the JSON object sent
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ToolUse(String id, String name, JsonNode input) implements Block {
      public ToolUse {
        id = Objects.requireNonNullElse(id, "");
        name = Objects.requireNonNullElse(name, "");
      }

      /** The arguments as JSON text, empty when the block has none. */
      String arguments() {
        return input == null ? "" : input.toString();
      }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Thinking(String thinking, String signature) implements Block {
      public Thinking {
        thinking = Objects.requireNonNullElse(thinking, "");
        signature = Objects.requireNonNullElse(signature, "");
      }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RedactedThinking(String data) implements Block {
      public RedactedThinking {
        data = Objects.requireNonNullElse(data, "");
      }
    }

    /** A block the neutral conversation has no place for (server tool use and its results). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Other() implements Block {}
  }

  /** Why the model refused: {@code stop_details} of a {@code refusal}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record StopDetails(String category, String explanation) {}
}
