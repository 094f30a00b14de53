package dev.evals.model.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.evals.json.Mappers;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * What an error body says: the provider's own message, which all three APIs put at {@code
 * error.message}, and Gemini's {@code RetryInfo} wait, which it sends instead of a header.
 */
final class ErrorBody {

  private ErrorBody() {}

  static String message(String body) {
    JsonNode message = error(body).path("message");
    return message.isTextual() && !message.asText().isBlank() ? message.asText() : body;
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
