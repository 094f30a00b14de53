package dev.evals.modes.global;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.agent.FunctionTool;
import dev.evals.agent.Tool;
import dev.evals.agent.ToolReply;
import dev.evals.json.Mappers;
import dev.evals.model.ToolSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The global tools' contracts (Windmill's names, descriptions and argument shapes), read once from
 * {@code global/tools.json}, and the binding of each to what it does in one session.
 */
final class ToolCatalog {

  private static final JsonNode SPECS = read("/global/tools.json");

  private final Consumer<String> onUse;
  private final List<Tool> tools = new ArrayList<>();

  /**
   * @param onUse told the name of every tool the model runs
   */
  ToolCatalog(Consumer<String> onUse) {
    this.onUse = onUse;
  }

  /** Every tool name of the contract, in the catalog's order. */
  static List<String> names() {
    List<String> names = new ArrayList<>();
    SPECS.fieldNames().forEachRemaining(names::add);
    return names;
  }

  void bind(String name, Function<JsonNode, ToolReply> body) {
    JsonNode spec = SPECS.get(name);
    if (spec == null) {
      throw new IllegalStateException("no contract for global tool " + name);
    }
    tools.add(
        new FunctionTool(
            new ToolSpec(name, spec.path("description").asText(), spec.get("schema")),
            args -> {
              onUse.accept(name);
              return body.apply(args);
            }));
  }

  List<Tool> tools() {
    return List.copyOf(tools);
  }

  static JsonNode read(String resource) {
    try (InputStream in = ToolCatalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return Mappers.json().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
