package dev.evals.model.providers;

import dev.evals.model.Provider;
import java.util.List;

/**
 * Where a provider is reached and which variables configure it.
 *
 * @param keyVariables the variables holding the API key, first match wins
 * @param keyRequired whether a request without a key is pointless
 * @param baseUrlVariable the variable overriding the base URL
 * @param defaultBaseUrl the base URL when the variable is not set
 */
record ProviderEndpoint(
    List<String> keyVariables, boolean keyRequired, String baseUrlVariable, String defaultBaseUrl) {

  static ProviderEndpoint of(Provider provider) {
    return switch (provider) {
      case ANTHROPIC ->
          new ProviderEndpoint(
              List.of("ANTHROPIC_API_KEY"),
              true,
              "ANTHROPIC_BASE_URL",
              "https://api.anthropic.com");
      case OPENAI ->
          new ProviderEndpoint(
              List.of("OPENAI_API_KEY"), true, "OPENAI_BASE_URL", "https://api.openai.com/v1");
      case GEMINI ->
          new ProviderEndpoint(
              List.of("GEMINI_API_KEY", "GOOGLE_API_KEY"),
              true,
              "GEMINI_BASE_URL",
              "https://generativelanguage.googleapis.com");
      case OPENAI_COMPATIBLE ->
          new ProviderEndpoint(
              List.of("OPENAI_COMPATIBLE_API_KEY"),
              false,
              "OPENAI_COMPATIBLE_BASE_URL",
              "http://127.0.0.1:11434/v1");
      case DEEPSEEK ->
          new ProviderEndpoint(
              List.of("DEEPSEEK_API_KEY"), true, "DEEPSEEK_BASE_URL", "https://api.deepseek.com");
      case REFERENCE -> throw new IllegalArgumentException("the reference model calls no provider");
    };
  }

  String missingKeyMessage() {
    return keyName() + " is not set: export it or put it in .env";
  }

  /** The key's variable, with its alternatives: {@code GEMINI_API_KEY (or GOOGLE_API_KEY)}. */
  String keyName() {
    String alternatives =
        keyVariables.size() == 1
            ? ""
            : " (or " + String.join(", ", keyVariables.subList(1, keyVariables.size())) + ")";
    return keyVariables.get(0) + alternatives;
  }
}
