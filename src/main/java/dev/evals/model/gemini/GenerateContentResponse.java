package dev.evals.model.gemini;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What this harness reads of a {@code generateContent} answer, in Gemini's field names; everything
 * else the API sends is ignored.
 *
 * @param candidates the answers; only the first is read, and there is none for a blocked prompt
 * @param promptFeedback why the prompt was blocked, or null
 * @param usageMetadata the tokens of this request, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record GenerateContentResponse(
    List<Candidate> candidates, PromptFeedback promptFeedback, UsageMetadata usageMetadata) {

  GenerateContentResponse {
    candidates =
        candidates == null ? List.of() : candidates.stream().filter(Objects::nonNull).toList();
  }

  /** The first candidate, if there is one. */
  Optional<Candidate> first() {
    return candidates.stream().findFirst();
  }

  /**
   * @param finishReason why it ended ({@code STOP}, {@code MAX_TOKENS}, ...)
   * @param finishMessage more on a malformed call or a block, or null
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Candidate(Content content, String finishReason, String finishMessage) {
    Candidate {
      finishReason = Objects.requireNonNullElse(finishReason, "");
      finishMessage = Objects.requireNonNullElse(finishMessage, "");
    }

    List<Part> parts() {
      return content == null ? List.of() : content.parts();
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Content(List<Part> parts) {
    Content {
      parts = parts == null ? List.of() : parts.stream().filter(Objects::nonNull).toList();
    }
  }

  /**
   * A part of the answer: text (reasoning when {@code thought} is true) or a function call.
   *
   * @param thoughtSignature the signature to send back with a function call, or null
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Part(String text, Boolean thought, FunctionCall functionCall, String thoughtSignature) {

    boolean isThought() {
      return Boolean.TRUE.equals(thought);
    }
  }

  /**
   * @param args the arguments as the JSON object sent
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record FunctionCall(String name, JsonNode args) {
    FunctionCall {
      name = Objects.requireNonNullElse(name, "");
    }

    /** The arguments as JSON text, empty when the call has none. */
    String arguments() {
      return args == null ? "" : args.toString();
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record PromptFeedback(String blockReason, String blockReasonMessage) {
    PromptFeedback {
      blockReason = Objects.requireNonNullElse(blockReason, "");
      blockReasonMessage = Objects.requireNonNullElse(blockReasonMessage, "");
    }
  }

  /** Token counts; thinking tokens are counted apart from the candidates' tokens. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record UsageMetadata(
      Long promptTokenCount,
      Long candidatesTokenCount,
      Long thoughtsTokenCount,
      Long cachedContentTokenCount,
      Long totalTokenCount) {}
}
