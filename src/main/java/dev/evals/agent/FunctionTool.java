package dev.evals.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import dev.evals.model.ToolSpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** A tool made of its contract (the input schema given as JSON text) and a function. */
public record FunctionTool(ToolSpec spec, Function<JsonNode, ToolReply> body) implements Tool {

  /**
   * Every session builds its tools anew from the same few schema texts, so each text is parsed once
   * per process. The trees are shared and only ever read (the adapters put them into their request
   * bodies as they are).
   */
  private static final Map<String, JsonNode> SCHEMAS = new ConcurrentHashMap<>();

  public static FunctionTool of(
      String name, String description, String inputSchema, Function<JsonNode, ToolReply> body) {
    JsonNode schema = SCHEMAS.get(inputSchema);
    if (schema == null) {
      try {
        schema = Mappers.json().readTree(inputSchema);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("bad input schema for tool " + name, e);
      }
      SCHEMAS.putIfAbsent(inputSchema, schema);
    }
    return new FunctionTool(new ToolSpec(name, description, schema), body);
  }

  @Override
  public ToolReply call(JsonNode arguments) {
    return body.apply(arguments);
  }
}
