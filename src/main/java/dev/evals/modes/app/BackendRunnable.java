package dev.evals.modes.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Set;

/**
 * One backend runnable of an app, as Windmill stores it: a display name and inline code the
 * frontend calls as {@code backend.<key>(...)}.
 *
 * @param name what the runnable does, for people
 * @param type {@code inline} for code kept in the app
 * @param language {@code bun} (TypeScript) or {@code python3}
 * @param content the code, defining {@code main}
 */
public record BackendRunnable(String name, String type, String language, String content) {

  /** The languages Windmill's app fixtures use for inline runnables. */
  public static final Set<String> LANGUAGES = Set.of("bun", "python3");

  public static final String INLINE = "inline";

  public BackendRunnable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(content, "content");
  }

  public static BackendRunnable inline(String name, String language, String content) {
    return new BackendRunnable(name, INLINE, language, content);
  }

  /** Reads {@link #toJson()}'s shape back. */
  public static BackendRunnable fromJson(JsonNode node) {
    JsonNode inline = node.path("inlineScript");
    return new BackendRunnable(
        node.path("name").asText(),
        node.path("type").asText(INLINE),
        inline.path("language").asText(),
        inline.path("content").asText());
  }

  /** The file the code lives in inside {@code backend/<key>/}. */
  public String mainFileName() {
    return "python3".equals(language) ? "main.py" : "main.ts";
  }

  /** Windmill's shape: {@code {name, type, inlineScript: {language, content}}}. */
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("name", name);
    node.put("type", type);
    node.putObject("inlineScript").put("language", language).put("content", content);
    return node;
  }

  /** The {@code meta.json} beside the code. */
  public ObjectNode meta() {
    return JsonNodeFactory.instance.objectNode().put("name", name).put("language", language);
  }
}
