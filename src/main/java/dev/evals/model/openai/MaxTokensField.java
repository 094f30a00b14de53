package dev.evals.model.openai;

/**
 * The body field that bounds the completion: OpenAI's newer models reject {@code max_tokens}, while
 * DeepSeek and most OpenAI-compatible servers only know {@code max_tokens}.
 */
public enum MaxTokensField {
  MAX_COMPLETION_TOKENS("max_completion_tokens"),
  MAX_TOKENS("max_tokens");

  private final String wireName;

  MaxTokensField(String wireName) {
    this.wireName = wireName;
  }

  String wireName() {
    return wireName;
  }
}
