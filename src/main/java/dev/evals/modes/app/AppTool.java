package dev.evals.modes.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.agent.Tool;
import dev.evals.agent.ToolReply;
import dev.evals.json.Mappers;
import dev.evals.model.ToolSpec;
import java.util.function.Function;

/** A tool made of its contract and a function over the session's app. */
record AppTool(ToolSpec spec, Function<JsonNode, ToolReply> body) implements Tool {

  static AppTool of(
      String name, String description, String inputSchema, Function<JsonNode, ToolReply> body) {
    try {
      return new AppTool(
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
