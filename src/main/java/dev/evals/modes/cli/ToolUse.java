package dev.evals.modes.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Objects;

/**
 * One tool call the agent made, in Claude Code's vocabulary ({@code Skill}, {@code Read}, {@code
 * Bash}, {@code Write}, {@code Edit}, ...; Codex events are mapped onto it), and what became of it.
 *
 * @param name the tool
 * @param input its arguments
 * @param id the agent's id for the call, or null when it reports none
 * @param outcome whether it ran, ran and failed, or was denied by the agent's permissions
 */
record ToolUse(String name, JsonNode input, String id, Outcome outcome) {

  /** What became of a call. */
  enum Outcome {
    /** It ran and succeeded, or the agent reported no result for it. */
    DONE,
    /** It ran and failed (a non-zero exit, a tool error). */
    FAILED,
    /** The agent's permissions refused it: it never ran. */
    DENIED;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  ToolUse {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(outcome, "outcome");
    input = input == null || input.isNull() ? JsonNodeFactory.instance.objectNode() : input;
  }

  ToolUse(String name, JsonNode input) {
    this(name, input, null, Outcome.DONE);
  }

  /** The same call with another outcome. */
  ToolUse with(Outcome newOutcome) {
    return new ToolUse(name, input, id, newOutcome);
  }

  /** Whether the call ran at all (a denied call did not). */
  boolean ran() {
    return outcome != Outcome.DENIED;
  }

  /** A string field of the input, or empty. */
  String text(String field) {
    JsonNode value = input.get(field);
    return value != null && value.isTextual() ? value.asText() : "";
  }
}
