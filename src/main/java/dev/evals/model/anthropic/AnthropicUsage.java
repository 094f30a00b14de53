package dev.evals.model.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.model.TokenUsage;

/**
 * Reads Anthropic's {@code usage} object, which Claude Code's stream events carry as well.
 * Anthropic counts cache writes and reads apart from {@code input_tokens}; all three are prompt.
 */
public final class AnthropicUsage {

  private AnthropicUsage() {}

  /** The usage in {@code node}, or null when the node is not an object. */
  public static TokenUsage read(JsonNode node) {
    if (!node.isObject()) {
      return null;
    }
    return TokenUsage.cached(
        node.path("input_tokens").asLong(),
        node.path("cache_creation_input_tokens").asLong(),
        node.path("cache_read_input_tokens").asLong(),
        node.path("output_tokens").asLong());
  }
}
