package dev.evals.modes.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.evals.model.TokenUsage;
import dev.evals.modes.cli.ToolUse.Outcome;

/**
 * Codex's {@code exec --json} events: {@code item.completed} (messages, commands, file changes),
 * {@code turn.completed} (usage), {@code turn.failed} and {@code error} (the provider could not be
 * used), mapped onto Claude Code's vocabulary ({@code Bash}, {@code Edit}).
 */
final class CodexEvents {

  private final AgentStreamParser parser;
  private TokenUsage usage;
  private long finalContextTokens;
  private int turns;

  CodexEvents(AgentStreamParser parser) {
    this.parser = parser;
  }

  /** Reads one event; false when it is none of Codex's. */
  boolean accept(String type, JsonNode event) {
    switch (type) {
      case "item.completed" -> item(event.path("item"));
      case "turn.completed" -> {
        // a completed turn means the errors reported while reconnecting were overcome
        parser.apiError(null);
        turn(event.path("usage"));
      }
      case "turn.failed" -> parser.apiError(event.path("error").path("message").asText("failed"));
      case "error" -> parser.apiError(event.path("message").asText("error"));
      default -> {
        return type.startsWith("thread.") || type.startsWith("turn.") || type.startsWith("item.");
      }
    }
    return true;
  }

  private void item(JsonNode item) {
    String type = item.path("type").asText();
    String id = item.path("id").isTextual() ? item.path("id").asText() : null;
    switch (type) {
      case "agent_message" -> {
        turns++;
        parser.text(item.path("text").asText());
      }
      case "command_execution" ->
          parser.call(
              new ToolUse(
                  "Bash",
                  JsonNodeFactory.instance
                      .objectNode()
                      .put("command", ShellCommand.unwrap(item.path("command").asText())),
                  id,
                  outcome(item)));
      case "file_change" ->
          parser.call(
              new ToolUse(
                  "Edit",
                  JsonNodeFactory.instance.objectNode().set("changes", item.path("changes")),
                  id,
                  outcome(item)));
      case "reasoning", "todo_list", "error" -> {}
      default -> parser.call(new ToolUse(type, item, id, outcome(item)));
    }
  }

  /** Codex marks a command its sandbox or policy refused as {@code declined}. */
  private static Outcome outcome(JsonNode item) {
    String status = item.path("status").asText();
    if (status.equals("declined")) {
      return Outcome.DENIED;
    }
    return status.equals("failed") ? Outcome.FAILED : Outcome.DONE;
  }

  private void turn(JsonNode node) {
    // Codex reports OpenAI's counts: input_tokens includes cached_input_tokens.
    long input = node.path("input_tokens").asLong();
    long cached = Math.min(input, node.path("cached_input_tokens").asLong());
    TokenUsage turn =
        TokenUsage.cached(input - cached, 0, cached, node.path("output_tokens").asLong());
    usage = usage == null ? turn : usage.plus(turn);
    finalContextTokens = turn.prompt();
  }

  TokenUsage usage() {
    return usage;
  }

  long finalContextTokens() {
    return finalContextTokens;
  }

  int turns() {
    return turns;
  }
}
