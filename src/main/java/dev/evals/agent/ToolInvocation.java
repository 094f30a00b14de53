package dev.evals.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A tool call the model made during an attempt, for tool expectations and the transcript.
 *
 * @param name the tool name as the model sent it
 * @param arguments the parsed arguments, or null when they were not valid JSON
 * @param isError whether the call was answered with an error
 */
public record ToolInvocation(String name, JsonNode arguments, boolean isError) {
  public ToolInvocation {
    Objects.requireNonNull(name, "name");
  }
}
