package dev.evals.modes.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Objects;

/**
 * One tool the agent used, in Claude Code's vocabulary ({@code Skill}, {@code Read}, {@code Bash},
 * {@code Write}, {@code Edit}, ...); Codex events are mapped onto it.
 */
record ToolUse(String name, JsonNode input) {

  ToolUse {
    Objects.requireNonNull(name, "name");
    input = input == null || input.isNull() ? JsonNodeFactory.instance.objectNode() : input;
  }

  /** A string field of the input, or empty. */
  String text(String field) {
    JsonNode value = input.get(field);
    return value != null && value.isTextual() ? value.asText() : "";
  }
}
