package dev.evals.model;

import java.util.Locale;
import java.util.Objects;

/**
 * Why a model turn ended, in provider-neutral terms, with the provider's own words kept.
 *
 * @param kind what the ending means for the tool loop
 * @param raw the provider's reason exactly as sent ({@code end_turn}, {@code MAX_TOKENS}, ...)
 * @param detail more from the provider: a refusal's category and explanation, a malformed call, a
 *     blocked prompt's reason; empty when there is none
 */
public record StopReason(Kind kind, String raw, String detail) {

  /** What an ending means for the loop. */
  public enum Kind {
    /** The model finished its answer. */
    END_TURN,
    /** The model asked for tool calls. */
    TOOL_USE,
    /** The output limit cut the turn off; its tool calls may be incomplete. */
    TRUNCATED,
    /** The model or the provider's safety system declined the request. */
    REFUSAL,
    /** The conversation no longer fits the model's context window. */
    CONTEXT_OVERFLOW,
    /** The model produced a function call the provider could not parse. */
    MALFORMED_CALL,
    /** A reason this harness does not know; recorded verbatim. */
    OTHER
  }

  public static final StopReason UNKNOWN = new StopReason(Kind.OTHER, "", "");

  public StopReason {
    Objects.requireNonNull(kind, "kind");
    raw = Objects.requireNonNullElse(raw, "");
    detail = Objects.requireNonNullElse(detail, "");
  }

  public static StopReason of(Kind kind, String raw) {
    return new StopReason(kind, raw, "");
  }

  /**
   * A reason read from its common spellings, for stand-ins and models without their own mapping:
   * {@code end_turn}/{@code stop}, {@code tool_use}/{@code tool_calls}, {@code max_tokens}/{@code
   * length}, {@code refusal}/{@code content_filter}; anything else is {@link Kind#OTHER}.
   */
  public static StopReason generic(String raw) {
    String value = Objects.requireNonNullElse(raw, "");
    Kind kind =
        switch (value.toLowerCase(Locale.ROOT)) {
          case "end_turn", "stop", "stop_sequence" -> Kind.END_TURN;
          case "tool_use", "tool_calls", "function_call" -> Kind.TOOL_USE;
          case "max_tokens", "length" -> Kind.TRUNCATED;
          case "refusal", "content_filter", "safety" -> Kind.REFUSAL;
          case "model_context_window_exceeded" -> Kind.CONTEXT_OVERFLOW;
          case "malformed_function_call" -> Kind.MALFORMED_CALL;
          default -> Kind.OTHER;
        };
    return new StopReason(kind, value, "");
  }

  /** The raw reason, with the detail when there is one: {@code refusal (cyber: ...)}. */
  public String describe() {
    String name = raw.isEmpty() ? "(none)" : raw;
    return detail.isEmpty() ? name : name + " (" + detail + ")";
  }
}
