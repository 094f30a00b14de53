package dev.evals.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Token counts of one or more requests.
 *
 * @param prompt every input token, cached or not (Anthropic's {@code input_tokens} plus its cache
 *     creation and cache read tokens; OpenAI's and Gemini's prompt counts, which already include
 *     their cached tokens)
 * @param completion output tokens, thinking and reasoning tokens included (they are billed as
 *     output)
 * @param total prompt plus completion, as the provider reported it
 * @param cacheWrite the part of {@code prompt} written to the provider's prompt cache
 * @param cacheRead the part of {@code prompt} read from the provider's prompt cache
 */
public record TokenUsage(
    long prompt, long completion, long total, long cacheWrite, long cacheRead) {

  public static final TokenUsage ZERO = new TokenUsage(0, 0, 0, 0, 0);

  public TokenUsage {
    if (prompt < 0 || completion < 0 || total < 0 || cacheWrite < 0 || cacheRead < 0) {
      throw new IllegalArgumentException("token counts cannot be negative");
    }
    if (cacheWrite + cacheRead > prompt) {
      throw new IllegalArgumentException("cached tokens cannot exceed the prompt tokens");
    }
  }

  /** Reads usage written before the cache counts existed, which lacks them. */
  @JsonCreator
  static TokenUsage read(
      @JsonProperty("prompt") long prompt,
      @JsonProperty("completion") long completion,
      @JsonProperty("total") long total,
      @JsonProperty("cacheWrite") Long cacheWrite,
      @JsonProperty("cacheRead") Long cacheRead) {
    return new TokenUsage(
        prompt,
        completion,
        total,
        cacheWrite == null ? 0 : cacheWrite,
        cacheRead == null ? 0 : cacheRead);
  }

  /** Usage without prompt caching. */
  public static TokenUsage of(long prompt, long completion) {
    return new TokenUsage(prompt, completion, prompt + completion, 0, 0);
  }

  /**
   * Usage of a request that used the prompt cache.
   *
   * @param uncached input tokens neither written to nor read from the cache
   */
  public static TokenUsage cached(long uncached, long cacheWrite, long cacheRead, long completion) {
    long prompt = uncached + cacheWrite + cacheRead;
    return new TokenUsage(prompt, completion, prompt + completion, cacheWrite, cacheRead);
  }

  /** Input tokens billed at the full input price. */
  public long uncachedPrompt() {
    return prompt - cacheWrite - cacheRead;
  }

  public TokenUsage plus(TokenUsage other) {
    return new TokenUsage(
        prompt + other.prompt,
        completion + other.completion,
        total + other.total,
        cacheWrite + other.cacheWrite,
        cacheRead + other.cacheRead);
  }
}
