package dev.evals.agent;

import dev.evals.model.ChatMessage;
import dev.evals.model.TokenUsage;
import java.util.List;
import java.util.Objects;

/**
 * How the tool loop of one attempt ended.
 *
 * @param messages the whole conversation, for the transcript
 * @param invocations every tool call the model made, in order
 * @param usage tokens summed over every request
 * @param finalContextTokens the prompt tokens of the last request
 * @param turns how many model turns were taken
 * @param stop why the loop ended
 * @param error what failed when the provider could not be reached, else null
 */
public record AgentResult(
    List<ChatMessage> messages,
    List<ToolInvocation> invocations,
    TokenUsage usage,
    long finalContextTokens,
    int turns,
    Stop stop,
    String error) {

  /** Why the loop ended. */
  public enum Stop {
    /** The model answered without calling a tool. */
    COMPLETED,
    /** The turn limit was reached while the model still called tools. */
    MAX_TURNS,
    /** The provider failed after its retries: an execution error, not a model failure. */
    PROVIDER_ERROR
  }

  public AgentResult {
    messages = List.copyOf(messages);
    invocations = List.copyOf(invocations);
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(stop, "stop");
  }
}
