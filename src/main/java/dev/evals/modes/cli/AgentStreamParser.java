package dev.evals.modes.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import dev.evals.model.TokenUsage;
import dev.evals.model.anthropic.AnthropicUsage;
import dev.evals.modes.cli.ToolUse.Outcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an agent's standard output: Claude Code's {@code --output-format stream-json} lines ({@code
 * system}, {@code assistant}, {@code user}, {@code result}), Codex's {@code exec --json} events
 * ({@link CodexEvents}), or, when no line is JSON, plain text that is the final answer as a whole.
 *
 * <p>Claude Code emits one {@code assistant} event per content block, so a model turn is a distinct
 * {@code message.id}; a call's outcome comes from its {@code tool_result} ({@code is_error}), the
 * {@code permission_denied} events and the result's {@code permission_denials}.
 */
final class AgentStreamParser {

  private final List<ToolUse> toolUses = new ArrayList<>();
  private final Map<String, Integer> callIndex = new HashMap<>();
  private final List<String> texts = new ArrayList<>();
  private final Map<String, TokenUsage> turnUsage = new LinkedHashMap<>();
  private final CodexEvents codex = new CodexEvents(this);
  private int anonymousTurns;
  private String result;
  private TokenUsage resultUsage;
  private long finalContextTokens;
  private String model;
  private Double costUsd;
  private String apiError;
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
      case "system" -> system(event);
      case "assistant" -> assistant(event.path("message"));
      case "user" -> toolResults(event.path("message").path("content"));
      case "result" -> claudeResult(event);
      default -> {
        if (!codex.accept(type, event)) {
          return;
        }
      }
    }
    sawEvent = true;
  }

  private void system(JsonNode event) {
    String subtype = event.path("subtype").asText();
    if (subtype.equals("init") && event.path("model").isTextual()) {
      model = event.path("model").asText();
    } else if (subtype.equals("permission_denied")) {
      mark(event.path("tool_use_id").asText(null), Outcome.DENIED);
    }
  }

  private void assistant(JsonNode message) {
    TokenUsage turn = AnthropicUsage.read(message.path("usage"));
    String id = message.path("id").asText(null);
    if (id == null) {
      anonymousTurns++;
      id = "#" + anonymousTurns;
    }
    turnUsage.put(id, turn == null ? TokenUsage.ZERO : turn);
    if (turn != null && turn.prompt() > 0) {
      finalContextTokens = turn.prompt();
    }
    for (JsonNode block : message.path("content")) {
      String type = block.path("type").asText();
      if (type.equals("tool_use")) {
        call(
            new ToolUse(
                block.path("name").asText(), block.get("input"), idOf(block), Outcome.DONE));
      } else if (type.equals("text")) {
        text(block.path("text").asText());
      }
    }
  }

  private void toolResults(JsonNode content) {
    for (JsonNode block : content) {
      if (block.path("type").asText().equals("tool_result") && block.path("is_error").asBoolean()) {
        mark(block.path("tool_use_id").asText(null), Outcome.FAILED);
      }
    }
  }

  private void claudeResult(JsonNode event) {
    if (event.path("result").isTextual()) {
      result = event.path("result").asText();
    }
    TokenUsage total = AnthropicUsage.read(event.path("usage"));
    if (total != null) {
      resultUsage = total;
    }
    if (event.path("total_cost_usd").isNumber()) {
      costUsd = event.path("total_cost_usd").asDouble();
    }
    for (JsonNode denial : event.path("permission_denials")) {
      mark(denial.path("tool_use_id").asText(null), Outcome.DENIED);
    }
    if (event.path("is_error").asBoolean() && event.has("api_error_status")) {
      JsonNode status = event.path("api_error_status");
      apiError(
          status.isNull() ? result : "the provider answered " + status.asText() + ": " + result);
    }
  }

  void call(ToolUse use) {
    if (use.id() != null) {
      callIndex.put(use.id(), toolUses.size());
    }
    toolUses.add(use);
  }

  /** Sets a call's outcome; a denial is final, since a denied call never ran. */
  void mark(String callId, Outcome outcome) {
    Integer index = callId == null ? null : callIndex.get(callId);
    if (index != null && toolUses.get(index).outcome() != Outcome.DENIED) {
      toolUses.set(index, toolUses.get(index).with(outcome));
    }
  }

  void text(String text) {
    texts.add(text);
  }

  void apiError(String message) {
    apiError = message;
  }

  private static String idOf(JsonNode block) {
    return block.path("id").isTextual() ? block.path("id").asText() : null;
  }

  private AgentTranscript transcript(String stdout) {
    if (!sawEvent) {
      return new AgentTranscript(List.of(), stdout.strip(), TokenUsage.ZERO, 0, 1);
    }
    String answer = result != null ? result : texts.isEmpty() ? "" : texts.get(texts.size() - 1);
    TokenUsage usage = resultUsage;
    if (usage == null) {
      usage = codex.usage() != null ? codex.usage() : sum(turnUsage.values());
    }
    long context = codex.usage() != null ? codex.finalContextTokens() : finalContextTokens;
    int turns = turnUsage.isEmpty() ? codex.turns() : turnUsage.size();
    return new AgentTranscript(
        toolUses, answer, usage, context, turns, new AgentReport(model, costUsd, apiError));
  }

  private static TokenUsage sum(Iterable<TokenUsage> usages) {
    TokenUsage total = TokenUsage.ZERO;
    for (TokenUsage usage : usages) {
      total = total.plus(usage);
    }
    return total;
  }
}
