package dev.evals.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.model.ToolSpec;

/** A tool the model under test can call: its contract and what it does. */
public interface Tool {

  ToolSpec spec();

  /**
   * Runs the tool. The arguments already parsed as JSON and matched the spec's input schema. A tool
   * reports a problem the model caused as an error reply, never as an exception.
   */
  ToolReply call(JsonNode arguments);

  default String name() {
    return spec().name();
  }
}
