package dev.evals.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import java.util.stream.Collectors;

/**
 * Reads a provider's successful JSON answer into that provider's response record. An answer of
 * another shape is {@link ProviderException.Unreadable}, as a body that is not JSON is; the message
 * names where the shape broke, never a value from the body.
 */
public final class ProviderAnswer {

  private ProviderAnswer() {}

  /**
   * @param provider the provider's id, which starts the failure's message
   * @param api what the answer should be ({@code "Messages API response"})
   */
  public static <T> T read(String provider, String api, JsonNode body, Class<T> type) {
    T answer;
    try {
      answer = Mappers.json().treeToValue(body, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw unreadable(provider, api, " at " + where(e));
    }
    if (answer == null) {
      throw unreadable(provider, api, "");
    }
    return answer;
  }

  private static ProviderException.Unreadable unreadable(
      String provider, String api, String where) {
    // Only a 2xx answer is parsed; ProviderHttp does not say which one, and 200 is what APIs send.
    return new ProviderException.Unreadable(
        "%s: HTTP 200 whose body is not a %s%s".formatted(provider, api, where), 200);
  }

  /** The JSON path that did not fit, such as {@code content[0].input}. */
  private static String where(Exception e) {
    if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
      return "the top level";
    }
    String path =
        mapping.getPath().stream()
            .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining());
    return path.startsWith(".") ? path.substring(1) : path;
  }
}
