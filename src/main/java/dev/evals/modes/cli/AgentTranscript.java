package dev.evals.modes.cli;

import dev.evals.model.TokenUsage;
import java.util.List;

/**
 * What the agent's output says it did.
 *
 * @param toolUses every tool it used, in order
 * @param finalAnswer its final message to the user
 * @param usage tokens it reports, or {@link TokenUsage#ZERO} when it reports none
 * @param finalContextTokens prompt tokens of its last turn, 0 when unknown
 * @param turns its assistant turns, at least 1
 */
record AgentTranscript(
    List<ToolUse> toolUses,
    String finalAnswer,
    TokenUsage usage,
    long finalContextTokens,
    int turns) {

  AgentTranscript {
    toolUses = List.copyOf(toolUses);
    finalAnswer = finalAnswer == null ? "" : finalAnswer;
    usage = usage == null ? TokenUsage.ZERO : usage;
    turns = Math.max(1, turns);
  }
}
