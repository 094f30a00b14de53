package dev.evals.model.anthropic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import dev.evals.model.TokenUsage;

/**
 * Anthropic's {@code usage} object, which Claude Code's stream events carry as well. Anthropic
 * counts cache writes and reads apart from {@code input_tokens}; all three are prompt. A count the
 * object leaves out is 0.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnthropicUsage(
    @JsonProperty("input_tokens") Long inputTokens,
    @JsonProperty("cache_creation_input_tokens") Long cacheCreationInputTokens,
    @JsonProperty("cache_read_input_tokens") Long cacheReadInputTokens,
    @JsonProperty("output_tokens") Long outputTokens) {

  /** The usage in {@code node}, or null when the node is not a usage object. */
  public static TokenUsage read(JsonNode node) {
    if (!node.isObject()) {
      return null;
    }
    try {
      return Mappers.json().treeToValue(node, AnthropicUsage.class).tokens();
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return null;
    }
  }

  /** The counts in provider-neutral form. */
  public TokenUsage tokens() {
    return TokenUsage.cached(
        count(inputTokens),
        count(cacheCreationInputTokens),
        count(cacheReadInputTokens),
        count(outputTokens));
  }

  private static long count(Long tokens) {
    return tokens == null ? 0 : tokens;
  }
}
