package dev.evals.model.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import java.io.IOException;

/** The provider's own error message, which all three APIs put at {@code error.message}. */
final class ErrorBody {

  private ErrorBody() {}

  static String message(String body) {
    try {
      JsonNode root = Mappers.json().readTree(body);
      // Gemini sometimes wraps the error object in an array.
      JsonNode error = (root.isArray() ? root.path(0) : root).path("error");
      JsonNode message = error.path("message");
      return message.isTextual() && !message.asText().isBlank() ? message.asText() : body;
    } catch (IOException | RuntimeException e) {
      return body;
    }
  }
}
