package dev.evals.modes.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Every text a step's own fields hold, wherever it sits ({@code sleep.expr}, {@code
 * retry.retry_if}, {@code suspend}, {@code mock}, input transforms, branch conditions...), as
 * Windmill's own validator reads them. Not read: the step's code ({@code content}), its nested
 * steps and agent tools (read as steps of their own), the constant of a {@code static} transform
 * (never evaluated) and the prose of {@code summary} and {@code description}.
 */
final class ModuleStrings {

  private static final Set<String> SKIPPED =
      Set.of("content", "modules", "default", "tools", "summary", "description", "id");

  /**
   * One text of a step.
   *
   * @param field where it sits, such as {@code sleep.expr} or {@code input 'data'}
   * @param text the text
   */
  record Located(String field, String text) {}

  private ModuleStrings() {}

  static List<Located> of(JsonNode module) {
    List<Located> found = new ArrayList<>();
    visit(module, "", found, null);
    return found;
  }

  /** Rewrites the first text for which {@code edit} returns a different text; false if none. */
  static boolean replaceFirst(JsonNode module, UnaryOperator<String> edit) {
    return visit(module, "", new ArrayList<>(), edit);
  }

  private static boolean visit(
      JsonNode node, String path, List<Located> found, UnaryOperator<String> edit) {
    if (node instanceof ObjectNode object) {
      boolean isStatic = "static".equals(object.path("type").asText(null));
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        String key = field.getKey();
        if (SKIPPED.contains(key) || (isStatic && key.equals("value"))) {
          continue;
        }
        JsonNode child = field.getValue();
        if (child.isTextual() && edit != null) {
          String changed = edit.apply(child.asText());
          if (!changed.equals(child.asText())) {
            object.set(key, TextNode.valueOf(changed));
            return true;
          }
        }
        if (visit(child, join(path, key), found, edit)) {
          return true;
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isTextual() && edit != null) {
          String changed = edit.apply(array.get(i).asText());
          if (!changed.equals(array.get(i).asText())) {
            array.set(i, TextNode.valueOf(changed));
            return true;
          }
        }
        if (visit(array.get(i), path + "[" + i + "]", found, edit)) {
          return true;
        }
      }
    } else if (node != null && node.isTextual()) {
      found.add(new Located(describe(path), node.asText()));
    }
    return false;
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static String describe(String path) {
    String field = path.startsWith("value.") ? path.substring("value.".length()) : path;
    if (field.startsWith("input_transforms.")) {
      String rest = field.substring("input_transforms.".length());
      int dot = rest.indexOf('.');
      return "input '" + (dot < 0 ? rest : rest.substring(0, dot)) + "'";
    }
    return field;
  }
}
