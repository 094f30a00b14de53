package dev.evals.report.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON shown for people: indented as usual, except that a string of several lines (a flow module's
 * {@code content}, a script, an app's files) is shown as the code it is, not as one long JSON
 * string full of {@code \n}.
 */
final class JsonView {

  private static final String INDENT = "  ";

  private JsonView() {}

  /** The text as JSON with code fields as code, or as plain code when it is not JSON. */
  static void render(HtmlWriter html, String text) {
    JsonNode node = parse(text);
    if (node == null || !node.isContainerNode()) {
      html.pre("code", text);
      return;
    }
    render(html, node);
  }

  static void render(HtmlWriter html, JsonNode node) {
    html.raw("<pre class=\"json\">");
    value(html, node, 0);
    html.raw("</pre>\n");
  }

  /** The text parsed as JSON, or null when it is not JSON. */
  static JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Mappers.json().readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static void value(HtmlWriter html, JsonNode node, int depth) {
    if (node.isObject()) {
      object(html, node, depth);
    } else if (node.isArray()) {
      array(html, node, depth);
    } else if (node.isTextual() && node.asText().contains("\n")) {
      html.raw("<code class=\"block\">").text(node.asText()).raw("</code>");
    } else {
      html.text(scalar(node));
    }
  }

  private static void object(HtmlWriter html, JsonNode node, int depth) {
    if (node.isEmpty()) {
      html.raw("{}");
      return;
    }
    html.raw("{\n");
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      html.raw(INDENT.repeat(depth + 1))
          .raw("<span class=\"key\">")
          .text(quoted(field.getKey()))
          .raw("</span>: ");
      value(html, field.getValue(), depth + 1);
      html.raw(fields.hasNext() ? ",\n" : "\n");
    }
    html.raw(INDENT.repeat(depth)).raw("}");
  }

  private static void array(HtmlWriter html, JsonNode node, int depth) {
    if (node.isEmpty()) {
      html.raw("[]");
      return;
    }
    html.raw("[\n");
    for (int i = 0; i < node.size(); i++) {
      html.raw(INDENT.repeat(depth + 1));
      value(html, node.get(i), depth + 1);
      html.raw(i + 1 < node.size() ? ",\n" : "\n");
    }
    html.raw(INDENT.repeat(depth)).raw("]");
  }

  private static String scalar(JsonNode node) {
    return node.isTextual() ? quoted(node.asText()) : node.toString();
  }

  /** A JSON string literal, without a serializer per value (pages hold thousands). */
  private static String quoted(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
