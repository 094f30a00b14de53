package dev.evals.model.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * What this harness reads of a Chat Completions answer, in OpenAI's field names; everything else
 * the API (or an OpenAI-compatible server) sends is ignored.
 *
 * @param choices the completions; only the first is read
 * @param usage the tokens of this request, or null when the server sends none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ChatCompletion(List<Choice> choices, Usage usage) {

  ChatCompletion {
    choices = choices == null ? List.of() : choices.stream().filter(Objects::nonNull).toList();
  }

  /** The first choice, or an empty one when there is none. */
  Choice first() {
    return choices.isEmpty() ? new Choice(null, null) : choices.get(0);
  }

  /**
   * @param message the assistant message
   * @param finishReason why it ended ({@code stop}, {@code tool_calls}, {@code length}, ...)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Choice(Message message, @JsonProperty("finish_reason") String finishReason) {
    Choice {
      message = Objects.requireNonNullElse(message, new Message(null, null, null));
      finishReason = Objects.requireNonNullElse(finishReason, "");
    }
  }

  /**
   * @param content the text, or null when the message only calls tools
   * @param refusal the model's refusal, or null
   * @param toolCalls the tool calls, or null
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Message(
      String content, String refusal, @JsonProperty("tool_calls") List<WireToolCall> toolCalls) {
    Message {
      content = Objects.requireNonNullElse(content, "");
      toolCalls =
          toolCalls == null ? List.of() : toolCalls.stream().filter(Objects::nonNull).toList();
    }
  }

  /**
   * @param function the function called, with its arguments as JSON text
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record WireToolCall(String id, Function function) {
    WireToolCall {
      id = Objects.requireNonNullElse(id, "");
      function = Objects.requireNonNullElse(function, new Function(null, null));
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Function(String name, String arguments) {
    Function {
      name = Objects.requireNonNullElse(name, "");
      arguments = Objects.requireNonNullElse(arguments, "");
    }
  }

  /**
   * @param totalTokens prompt plus completion as the server counted them, or null
   * @param promptTokensDetails the cached part of the prompt, or null
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Usage(
      @JsonProperty("prompt_tokens") Long promptTokens,
      @JsonProperty("completion_tokens") Long completionTokens,
      @JsonProperty("total_tokens") Long totalTokens,
      @JsonProperty("prompt_tokens_details") PromptTokensDetails promptTokensDetails) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record PromptTokensDetails(@JsonProperty("cached_tokens") Long cachedTokens) {}
}
