package dev.evals.model.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.evals.json.Mappers;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an error body says: the provider's own message, which all three APIs put at {@code
 * error.message}, and Gemini's {@code RetryInfo} wait, which it sends instead of a header.
 */
final class ErrorBody {

  private static final Pattern CONTEXT_OVERFLOW =
      Pattern.compile(
          "prompt is too long|input token count.*exceeds the maximum|maximum context length",
          Pattern.CASE_INSENSITIVE);

  private ErrorBody() {}

  static String message(String body) {
    JsonNode message = error(body).path("message");
    return message.isTextual() && !message.asText().isBlank() ? message.asText() : body;
  }

  /**
   * Whether the error says the prompt exceeds the context window: OpenAI's {@code
   * context_length_exceeded} code, Anthropic's "prompt is too long: N tokens > M maximum", Gemini's
   * "input token count (N) exceeds the maximum number of tokens allowed (M)".
   */
  static boolean contextOverflow(String body) {
    JsonNode error = error(body);
    if ("context_length_exceeded".equals(error.path("code").asText())) {
      return true;
    }
    return CONTEXT_OVERFLOW.matcher(error.path("message").asText()).find();
  }

  /**
   * Whether a 429 says the account's quota or credit is spent (OpenAI's {@code
   * insufficient_quota}), which no wait mends, rather than that requests came too fast.
   */
  static boolean quotaSpent(String body) {
    JsonNode error = error(body);
    return "insufficient_quota".equals(error.path("code").asText())
        || "insufficient_quota".equals(error.path("type").asText());
  }

  /** Gemini's {@code google.rpc.RetryInfo} detail, e.g. {@code "retryDelay": "24s"}. */
  static Optional<Duration> retryDelay(String body) {
    for (JsonNode detail : error(body).path("details")) {
      if (detail.path("@type").asText().endsWith("google.rpc.RetryInfo")) {
        return ServerWait.goDuration(detail.path("retryDelay").asText());
      }
    }
    return Optional.empty();
  }

  private static JsonNode error(String body) {
    try {
      JsonNode root = Mappers.json().readTree(body);
      // Gemini sometimes wraps the error object in an array.
      return root == null
          ? MissingNode.getInstance()
          : (root.isArray() ? root.path(0) : root).path("error");
    } catch (IOException | RuntimeException e) {
      return MissingNode.getInstance();
    }
  }
}
