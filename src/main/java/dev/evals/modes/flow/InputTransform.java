package dev.evals.modes.flow;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a step argument (or a loop iterator) is computed.
 *
 * @param type {@code static} or {@code javascript}
 * @param value the constant of a static transform
 * @param expr the JavaScript expression of a javascript transform
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InputTransform(String type, JsonNode value, String expr) {

  public boolean isJavascript() {
    return "javascript".equals(type);
  }
}
