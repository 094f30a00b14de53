package dev.evals.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Request settings of one model: sampling and reasoning, from its {@code models.yaml} entry and
 * {@code --model-option key=value}. Each provider accepts its own keys; a key it does not know, or
 * a value it would reject, is an error before any model is called.
 *
 * <ul>
 *   <li>every provider: {@code temperature} (a number; left out when not set), {@code forced_tool}
 *       ({@code false} for a model that rejects a tool choice naming one tool: it is asked with
 *       {@code auto} instead), {@code prompt_cache} ({@code false} leaves out Anthropic's cache
 *       breakpoints; {@code --no-prompt-cache} sets it)
 *   <li>anthropic: {@code thinking} (a budget of at least 1024 tokens, {@code adaptive} or {@code
 *       off}), {@code effort} ({@code low} to {@code max})
 *   <li>openai, deepseek, openai-compatible: {@code reasoning_effort} ({@code none} to {@code max})
 *   <li>gemini: {@code thinking_budget} (tokens, -1 for dynamic), {@code thinking_level} ({@code
 *       minimal} to {@code high}), {@code include_thoughts} (true or false)
 * </ul>
 *
 * @param values the options, keys in lower case
 */
public record ModelOptions(@JsonValue Map<String, String> values) {

  public static final ModelOptions NONE = new ModelOptions(Map.of());

  private static final Set<String> COMMON = Set.of("temperature", "forced_tool", "prompt_cache");
  private static final List<String> EFFORTS = List.of("low", "medium", "high", "xhigh", "max");
  private static final List<String> REASONING_EFFORTS =
      List.of("none", "minimal", "low", "medium", "high", "xhigh", "max");
  private static final List<String> THINKING_LEVELS = List.of("minimal", "low", "medium", "high");

  public ModelOptions {
    Map<String, String> sorted = new TreeMap<>();
    if (values != null) {
      values.forEach((k, v) -> sorted.put(k.trim().toLowerCase(Locale.ROOT), String.valueOf(v)));
    }
    values = Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
  }

  /** From {@code models.yaml}: a map of scalar values. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static ModelOptions fromYaml(Map<String, Object> values) {
    Map<String, String> strings = new LinkedHashMap<>();
    values.forEach((k, v) -> strings.put(k, String.valueOf(v)));
    return new ModelOptions(strings);
  }

  /** These options with the given ones on top. */
  public ModelOptions with(Map<String, String> overrides) {
    Map<String, String> merged = new LinkedHashMap<>(values);
    overrides.forEach((k, v) -> merged.put(k.trim().toLowerCase(Locale.ROOT), v.trim()));
    return new ModelOptions(merged);
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  public Optional<Double> temperature() {
    return get("temperature").map(Double::valueOf);
  }

  /** Whether the model accepts a tool choice naming one tool. */
  public boolean forcedToolAllowed() {
    return !get("forced_tool").map("false"::equalsIgnoreCase).orElse(false);
  }

  /** Whether to mark prompt-cache breakpoints (on unless {@code prompt_cache=false}). */
  public boolean promptCache() {
    return !get("prompt_cache").map("false"::equalsIgnoreCase).orElse(false);
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /**
   * Fails with an {@link InvalidModelOptionException} naming the option when the provider does not
   * take it or would reject its value.
   */
  public void check(Provider provider, String model) {
    values.forEach((key, value) -> checkOne(provider, model, key, value));
  }

  private static void checkOne(Provider provider, String model, String key, String value) {
    String problem =
        switch (key) {
          case "temperature" -> number(value, 0, 2);
          case "forced_tool", "include_thoughts", "prompt_cache" -> bool(value);
          case "thinking" -> thinking(value);
          case "effort" -> oneOf(value, EFFORTS);
          case "reasoning_effort" -> oneOf(value, REASONING_EFFORTS);
          case "thinking_budget" -> integer(value, -1);
          case "thinking_level" -> oneOf(value, THINKING_LEVELS);
          default -> "unknown option";
        };
    if (problem == null && !COMMON.contains(key) && !keysOf(provider).contains(key)) {
      problem = provider.id() + " models take " + String.join(", ", allKeys(provider));
    }
    if (problem != null) {
      throw new InvalidModelOptionException(
          "model option " + key + "=" + value + " for " + model + ": " + problem);
    }
  }

  private static Set<String> keysOf(Provider provider) {
    return switch (provider) {
      case ANTHROPIC -> Set.of("thinking", "effort");
      case OPENAI, OPENAI_COMPATIBLE, DEEPSEEK -> Set.of("reasoning_effort");
      case GEMINI -> Set.of("thinking_budget", "thinking_level", "include_thoughts");
      case REFERENCE -> Set.of();
    };
  }

  private static List<String> allKeys(Provider provider) {
    return Stream.concat(COMMON.stream(), keysOf(provider).stream()).sorted().toList();
  }

  private static String thinking(String value) {
    if (value.equals("adaptive") || value.equals("off")) {
      return null;
    }
    String problem = integer(value, 1024);
    return problem == null ? null : "use a budget of at least 1024 tokens, adaptive or off";
  }

  private static String number(String value, double min, double max) {
    try {
      double parsed = Double.parseDouble(value);
      return parsed >= min && parsed <= max ? null : "must be between " + min + " and " + max;
    } catch (NumberFormatException e) {
      return "must be a number";
    }
  }

  private static String integer(String value, long min) {
    try {
      return Long.parseLong(value) >= min ? null : "must be at least " + min;
    } catch (NumberFormatException e) {
      return "must be a whole number";
    }
  }

  private static String bool(String value) {
    return value.equals("true") || value.equals("false") ? null : "must be true or false";
  }

  private static String oneOf(String value, List<String> allowed) {
    return allowed.contains(value) ? null : "must be one of " + String.join(", ", allowed);
  }
}
