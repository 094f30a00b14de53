package dev.evals.modes.script;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.json.Mappers;
import dev.evals.modes.DraftState;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * One Windmill script as the model sees and edits it.
 *
 * @param path the workspace path ({@code f/evals/greet_user.ts}), or null
 * @param language the Windmill language name as given, possibly unknown
 * @param content the script's code
 * @param args example arguments for a test run, by name
 */
public record ScriptState(String path, String language, String content, ObjectNode args)
    implements DraftState {

  private static final Set<String> FIXTURE_KEYS =
      Set.of("path", "lang", "language", "code", "content", "args");

  public ScriptState {
    language = language == null ? "" : language;
    content = content == null ? "" : content;
    args = args == null ? JsonNodeFactory.instance.objectNode() : args.deepCopy();
  }

  public static ScriptState empty() {
    return new ScriptState(null, "", "", null);
  }

  /**
   * Reads Windmill's fixture shape {@code {path?, lang, code, args?}}; {@code language} and {@code
   * content} are accepted too. A malformed fixture is an {@link IllegalArgumentException}.
   */
  public static ScriptState fromFixture(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("a script fixture must be a JSON object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIXTURE_KEYS.contains(name)) {
        throw new IllegalArgumentException(
            "unknown field '" + name + "'; known fields: [args, code, lang, path]");
      }
    }
    JsonNode args = node.path("args");
    if (!args.isMissingNode() && !args.isNull() && !args.isObject()) {
      throw new IllegalArgumentException("'args' must be an object of arguments by name");
    }
    return new ScriptState(
        text(node, "path"),
        firstText(node, "lang", "language"),
        firstText(node, "code", "content"),
        args.isObject() ? (ObjectNode) args : null);
  }

  public Optional<ScriptLanguage> knownLanguage() {
    return ScriptLanguage.named(language);
  }

  public boolean isBlank() {
    return content.isBlank();
  }

  /** {@code {path?, language, content, args}}, as written to {@code script.json}. */
  @Override
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    if (path != null) {
      node.put("path", path);
    }
    node.put("language", language);
    node.put("content", content);
    node.set("args", args.deepCopy());
    return node;
  }

  public String toPrettyJson() {
    try {
      return Mappers.json().writerWithDefaultPrettyPrinter().writeValueAsString(toJson());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String firstText(JsonNode node, String name, String alias) {
    String value = text(node, name);
    return value != null ? value : text(node, alias);
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException("'" + name + "' must be a string");
    }
    return value.asText();
  }
}
