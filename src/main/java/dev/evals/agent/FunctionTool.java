package dev.evals.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import dev.evals.model.ToolSpec;
import java.util.function.Function;

/** A tool made of its contract (the input schema given as JSON text) and a function. */
public record FunctionTool(ToolSpec spec, Function<JsonNode, ToolReply> body) implements Tool {

  public static FunctionTool of(
      String name, String description, String inputSchema, Function<JsonNode, ToolReply> body) {
    try {
      return new FunctionTool(
          new ToolSpec(name, description, Mappers.json().readTree(inputSchema)), body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("bad input schema for tool " + name, e);
    }
  }

  @Override
  public ToolReply call(JsonNode arguments) {
    return body.apply(arguments);
  }
}
