package dev.evals.cases;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;

/**
 * Turns a Jackson binding failure of case-file content into what a case author needs: the field
 * path it happened at and a one-line problem in YAML terms rather than Java types.
 */
public final class BindingProblem {

  private BindingProblem() {}

  /** The failing field's path under {@code root}, e.g. {@code validate.moduleRules[0].id}. */
  public static String fieldPath(String root, JsonMappingException e) {
    StringBuilder path = new StringBuilder(root);
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** What is wrong, in one line: a rule's own message, an unknown field, or a wrong type. */
  public static String describe(JsonMappingException e) {
    if (e.getCause() instanceof IllegalArgumentException cause) {
      return cause.getMessage();
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown field '" + unknown.getPropertyName() + "'" + knownFields(unknown);
    }
    String message =
        e.getOriginalMessage()
            .replace("`java.lang.Integer`", "number")
            .replace("`java.lang.Boolean`", "boolean")
            .replace("`java.lang.String`", "string")
            .replaceAll("`java\\.util\\.[A-Za-z]+<[^>]*>`", "list")
            .replaceAll("`dev\\.evals\\.[A-Za-z.$]+`", "mapping");
    int newline = message.indexOf('\n');
    return newline > 0 ? message.substring(0, newline) : message;
  }

  private static String knownFields(UnrecognizedPropertyException e) {
    if (e.getKnownPropertyIds() == null || e.getKnownPropertyIds().isEmpty()) {
      return "";
    }
    return "; known fields: "
        + e.getKnownPropertyIds().stream()
            .map(String::valueOf)
            .sorted()
            .collect(Collectors.joining(", "));
  }
}
