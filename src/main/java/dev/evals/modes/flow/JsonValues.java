package dev.evals.modes.flow;

import com.fasterxml.jackson.databind.JsonNode;

/** Value comparison for rules: strings ignore whitespace layout, numbers compare by value. */
final class JsonValues {

  private JsonValues() {}

  static boolean matches(JsonNode actual, JsonNode expected) {
    if (actual == null || actual.isMissingNode()) {
      return false;
    }
    if (actual.isTextual() && expected.isTextual()) {
      return ExpressionRefs.normalise(actual.asText())
          .equals(ExpressionRefs.normalise(expected.asText()));
    }
    if (actual.isNumber() && expected.isNumber()) {
      return actual.decimalValue().compareTo(expected.decimalValue()) == 0;
    }
    return actual.equals(expected);
  }

  /** The node at a dotted path of object fields, or null. */
  static JsonNode at(JsonNode root, String dottedPath) {
    JsonNode current = root;
    for (String segment : dottedPath.split("\\.")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (current == null || !current.isObject()) {
        return null;
      }
      current = current.get(segment);
    }
    return current;
  }

  /** The raw step with this id at any depth of a raw flow value, or null. */
  static JsonNode findModule(JsonNode flowValue, String id) {
    if (flowValue == null || !flowValue.isObject()) {
      return null;
    }
    for (String special : new String[] {"preprocessor_module", "failure_module"}) {
      JsonNode found = findIn(flowValue.get(special), id);
      if (found != null) {
        return found;
      }
    }
    return findInArray(flowValue.get("modules"), id);
  }

  private static JsonNode findInArray(JsonNode modules, String id) {
    if (modules == null || !modules.isArray()) {
      return null;
    }
    for (JsonNode module : modules) {
      JsonNode found = findIn(module, id);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static JsonNode findIn(JsonNode module, String id) {
    if (module == null || !module.isObject()) {
      return null;
    }
    if (id.equals(module.path("id").asText(null))) {
      return module;
    }
    JsonNode value = module.path("value");
    JsonNode found = findInArray(value.get("modules"), id);
    if (found == null) {
      found = findInArray(value.get("default"), id);
    }
    JsonNode branches = value.get("branches");
    if (found == null && branches != null && branches.isArray()) {
      for (JsonNode branch : branches) {
        found = found == null ? findInArray(branch.get("modules"), id) : found;
      }
    }
    return found;
  }
}
