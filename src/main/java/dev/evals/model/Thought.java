package dev.evals.model;

import java.util.Objects;

/**
 * A reasoning block of a model turn, kept so it can be sent back unchanged: providers verify their
 * signature, and Anthropic rejects a tool loop that drops them while thinking is on.
 *
 * @param text the reasoning as the provider returned it, empty when redacted or omitted
 * @param signature the provider's opaque signature, or null
 * @param redactedData the encrypted content of a redacted block, or null for a readable one
 */
public record Thought(String text, String signature, String redactedData) {

  public Thought {
    text = Objects.requireNonNullElse(text, "");
  }

  public static Thought redacted(String data) {
    return new Thought("", null, Objects.requireNonNull(data, "data"));
  }

  public boolean isRedacted() {
    return redactedData != null;
  }
}
