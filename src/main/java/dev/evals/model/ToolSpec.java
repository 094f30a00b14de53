package dev.evals.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A tool offered to the model.
 *
 * @param name the tool name, part of a mode's contract
 * @param description what the tool does, for the model
 * @param inputSchema a JSON Schema object describing the arguments
 */
public record ToolSpec(String name, String description, JsonNode inputSchema) {
  public ToolSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(inputSchema, "inputSchema");
  }
}
