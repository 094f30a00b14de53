package dev.evals.modes.cli;

import dev.evals.model.TokenUsage;
import java.util.List;

/**
 * What the agent's output says it did.
 *
 * @param toolUses every tool call it made, in order, with its outcome
 * @param finalAnswer its final message to the user
 * @param usage tokens it reports, or {@link TokenUsage#ZERO} when it reports none
 * @param finalContextTokens prompt tokens of its last turn, 0 when unknown
 * @param turns its model turns (distinct messages), at least 1
 * @param report what it says about its model, cost and provider errors
 */
record AgentTranscript(
    List<ToolUse> toolUses,
    String finalAnswer,
    TokenUsage usage,
    long finalContextTokens,
    int turns,
    AgentReport report) {

  AgentTranscript {
    toolUses = List.copyOf(toolUses);
    finalAnswer = finalAnswer == null ? "" : finalAnswer;
    usage = usage == null ? TokenUsage.ZERO : usage;
    turns = Math.max(1, turns);
    report = report == null ? AgentReport.NONE : report;
  }

  AgentTranscript(
      List<ToolUse> toolUses,
      String finalAnswer,
      TokenUsage usage,
      long finalContextTokens,
      int turns) {
    this(toolUses, finalAnswer, usage, finalContextTokens, turns, AgentReport.NONE);
  }
}
