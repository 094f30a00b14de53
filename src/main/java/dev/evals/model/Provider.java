package dev.evals.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The API family a model is reached through. */
public enum Provider {
  ANTHROPIC("anthropic"),
  OPENAI("openai"),
  GEMINI("gemini"),
  OPENAI_COMPATIBLE("openai-compatible"),
  DEEPSEEK("deepseek"),
  /** The built-in model that answers each case with its expected fixture. */
  REFERENCE("reference");

  private final String id;

  Provider(String id) {
    this.id = id;
  }

  /** The spelling used in the registry file and in {@code provider:model} ids. */
  @JsonValue
  public String id() {
    return id;
  }

  @JsonCreator
  public static Provider fromId(String id) {
    String wanted = id.toLowerCase(Locale.ROOT);
    for (Provider provider : values()) {
      if (provider.id.equals(wanted)) {
        return provider;
      }
    }
    throw new IllegalArgumentException("unknown provider '" + id + "'");
  }
}
