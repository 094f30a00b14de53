package dev.evals.model;

import java.util.Objects;

/**
 * The answer to one tool call.
 *
 * @param callId the id of the {@link ToolCall} answered
 * @param toolName the name of the tool called (Gemini matches results by name)
 * @param content the text returned to the model
 * @param isError whether the call failed
 */
public record ToolResult(String callId, String toolName, String content, boolean isError) {
  public ToolResult {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(toolName, "toolName");
    content = Objects.requireNonNullElse(content, "");
  }
}
