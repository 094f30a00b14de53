package dev.evals.modes.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.evals.json.Mappers;
import dev.evals.model.TokenUsage;
import dev.evals.model.anthropic.AnthropicUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an agent's standard output: Claude Code's {@code --output-format stream-json} lines ({@code
 * assistant}, {@code user}, {@code result}), Codex's {@code exec --json} events ({@code
 * item.completed}, {@code turn.completed}), or, when no line is JSON, plain text that is the final
 * answer as a whole.
 */
final class AgentStreamParser {

  private final List<ToolUse> toolUses = new ArrayList<>();
  private final List<String> texts = new ArrayList<>();
  private String result;
  private TokenUsage usage;
  private TokenUsage codexUsage = TokenUsage.ZERO;
  private long finalContextTokens;
  private int turns;
  private boolean sawEvent;

  static AgentTranscript parse(String stdout) {
    AgentStreamParser parser = new AgentStreamParser();
    for (String line : stdout.split("\n")) {
      parser.line(line.strip());
    }
    return parser.transcript(stdout);
  }

  private void line(String line) {
    if (!line.startsWith("{")) {
      return;
    }
    JsonNode event;
    try {
      event = Mappers.json().readTree(line);
    } catch (JsonProcessingException e) {
      return;
    }
    String type = event.path("type").asText();
    switch (type) {
      case "assistant" -> assistant(event.path("message"));
      case "result" -> claudeResult(event);
      case "item.completed" -> codexItem(event.path("item"));
      case "turn.completed" -> codexTurn(event.path("usage"));
      default -> {
        sawEvent |= type.equals("user") || type.equals("system") || type.startsWith("thread.");
        return;
      }
    }
    sawEvent = true;
  }

  private void assistant(JsonNode message) {
    turns++;
    TokenUsage turn = AnthropicUsage.read(message.path("usage"));
    if (turn != null && turn.prompt() > 0) {
      finalContextTokens = turn.prompt();
    }
    for (JsonNode block : message.path("content")) {
      String type = block.path("type").asText();
      if (type.equals("tool_use")) {
        toolUses.add(new ToolUse(block.path("name").asText(), block.get("input")));
      } else if (type.equals("text")) {
        texts.add(block.path("text").asText());
      }
    }
  }

  private void claudeResult(JsonNode event) {
    if (event.path("result").isTextual()) {
      result = event.path("result").asText();
    }
    TokenUsage total = AnthropicUsage.read(event.path("usage"));
    if (total != null) {
      usage = total;
    }
  }

  private void codexItem(JsonNode item) {
    String type = item.path("type").asText();
    switch (type) {
      case "agent_message" -> {
        turns++;
        texts.add(item.path("text").asText());
      }
      case "command_execution" ->
          toolUses.add(
              new ToolUse("Bash", command(ShellCommand.unwrap(item.path("command").asText()))));
      case "file_change" ->
          toolUses.add(
              new ToolUse(
                  "Edit",
                  JsonNodeFactory.instance.objectNode().set("changes", item.path("changes"))));
      case "reasoning", "todo_list", "error" -> {}
      default -> toolUses.add(new ToolUse(type, item));
    }
  }

  private void codexTurn(JsonNode node) {
    // Codex reports OpenAI's counts: input_tokens includes cached_input_tokens.
    long input = node.path("input_tokens").asLong();
    long cached = Math.min(input, node.path("cached_input_tokens").asLong());
    TokenUsage turn =
        TokenUsage.cached(input - cached, 0, cached, node.path("output_tokens").asLong());
    codexUsage = codexUsage.plus(turn);
    usage = codexUsage;
    finalContextTokens = turn.prompt();
  }

  private static JsonNode command(String command) {
    return JsonNodeFactory.instance.objectNode().put("command", command);
  }

  private AgentTranscript transcript(String stdout) {
    if (!sawEvent) {
      return new AgentTranscript(List.of(), stdout.strip(), TokenUsage.ZERO, 0, 1);
    }
    String answer = result != null ? result : texts.isEmpty() ? "" : texts.get(texts.size() - 1);
    return new AgentTranscript(toolUses, answer, usage, finalContextTokens, turns);
  }
}
