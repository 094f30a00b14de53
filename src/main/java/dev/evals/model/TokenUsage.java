package dev.evals.model;

/**
 * Token counts of one or more requests. For Anthropic, {@code prompt} includes cache creation and
 * cache read tokens.
 */
public record TokenUsage(long prompt, long completion, long total) {

  public static final TokenUsage ZERO = new TokenUsage(0, 0, 0);

  public TokenUsage {
    if (prompt < 0 || completion < 0 || total < 0) {
      throw new IllegalArgumentException("token counts cannot be negative");
    }
  }

  public static TokenUsage of(long prompt, long completion) {
    return new TokenUsage(prompt, completion, prompt + completion);
  }

  public TokenUsage plus(TokenUsage other) {
    return new TokenUsage(
        prompt + other.prompt, completion + other.completion, total + other.total);
  }
}
