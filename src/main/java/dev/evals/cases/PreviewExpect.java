package dev.evals.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * What a successful preview job must return ({@code runtime.backendPreview.expect}), so a job that
 * succeeds with the wrong answer fails. Exactly one of the two is given. Numbers compare by value
 * ({@code 212} equals {@code 212.0}) and object fields in any order.
 *
 * @param result the whole result, equal
 * @param resultContains a part of the result, found at any depth: an object's listed fields (each
 *     containing its expected value), an array's listed elements (each contained in some element),
 *     a substring of a string, or an equal number, boolean or null
 */
public record PreviewExpect(JsonNode result, JsonNode resultContains) {

  private static final int EXCERPT_CHARS = 300;

  public PreviewExpect {
    if ((result == null) == (resultContains == null)) {
      throw new IllegalArgumentException(
          "runtime.backendPreview.expect needs exactly one of result and resultContains"
              + " (its only fields)");
    }
  }

  /** Why {@code actual} does not meet this expectation, or empty when it does. */
  public Optional<String> mismatch(JsonNode actual) {
    JsonNode job = actual == null ? NullNode.getInstance() : actual;
    if (result != null) {
      return equal(job, result)
          ? Optional.empty()
          : Optional.of("expected result " + excerpt(result) + ", got " + excerpt(job));
    }
    return foundAnywhere(job, resultContains)
        ? Optional.empty()
        : Optional.of(
            "expected a result containing " + excerpt(resultContains) + ", got " + excerpt(job));
  }

  static boolean equal(JsonNode actual, JsonNode expected) {
    if (actual.isNumber() && expected.isNumber()) {
      return actual.decimalValue().compareTo(expected.decimalValue()) == 0;
    }
    if (actual.isObject() && expected.isObject()) {
      return actual.size() == expected.size() && fieldsMatch(actual, expected, true);
    }
    if (actual.isArray() && expected.isArray()) {
      if (actual.size() != expected.size()) {
        return false;
      }
      for (int i = 0; i < actual.size(); i++) {
        if (!equal(actual.get(i), expected.get(i))) {
          return false;
        }
      }
      return true;
    }
    return actual.equals(expected);
  }

  private static boolean foundAnywhere(JsonNode actual, JsonNode part) {
    if (contains(actual, part)) {
      return true;
    }
    for (JsonNode child : actual) {
      if (foundAnywhere(child, part)) {
        return true;
      }
    }
    return false;
  }

  static boolean contains(JsonNode actual, JsonNode part) {
    if (part.isObject()) {
      return actual.isObject() && fieldsMatch(actual, part, false);
    }
    if (part.isArray()) {
      if (!actual.isArray()) {
        return false;
      }
      for (JsonNode wanted : part) {
        boolean found = false;
        for (JsonNode element : actual) {
          found = found || contains(element, wanted);
        }
        if (!found) {
          return false;
        }
      }
      return true;
    }
    if (part.isTextual()) {
      return actual.isTextual() && actual.asText().contains(part.asText());
    }
    return equal(actual, part);
  }

  private static boolean fieldsMatch(JsonNode actual, JsonNode expected, boolean exactly) {
    Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = actual.get(field.getKey());
      if (value == null
          || !(exactly ? equal(value, field.getValue()) : contains(value, field.getValue()))) {
        return false;
      }
    }
    return true;
  }

  private static String excerpt(JsonNode node) {
    String json = node.toString();
    return json.length() <= EXCERPT_CHARS
        ? json
        : json.substring(0, EXCERPT_CHARS) + "... (" + json.length() + " characters)";
  }
}
