package dev.evals.agent;

import dev.evals.model.ChatMessage;
import dev.evals.model.StopReason;
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
 * @param error what failed or how the model stopped when the loop did not complete, else null
 * @param lastStop the provider's stop reason of the last model turn, verbatim with its detail
 */
public record AgentResult(
    List<ChatMessage> messages,
    List<ToolInvocation> invocations,
    TokenUsage usage,
    long finalContextTokens,
    int turns,
    Stop stop,
    String error,
    StopReason lastStop) {

  /** Why the loop ended. */
  public enum Stop {
    /** The model answered without calling a tool. */
    COMPLETED,
    /** The turn limit was reached while the model still called tools. */
    MAX_TURNS,
    /** The provider failed after its retries: an execution error, not a model failure. */
    PROVIDER_ERROR,
    /** The model, or its provider's safety system, declined. */
    REFUSED,
    /** The output limit cut a turn off; its tool calls were not run. */
    TRUNCATED,
    /** The conversation outgrew the model's context window. */
    CONTEXT_OVERFLOW,
    /** The model stopped for a reason this harness does not know, recorded verbatim. */
    UNEXPECTED_STOP
  }

  public AgentResult {
    messages = List.copyOf(messages);
    invocations = List.copyOf(invocations);
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(stop, "stop");
    lastStop = Objects.requireNonNullElse(lastStop, StopReason.UNKNOWN);
  }

  /** A loop that did not talk to a chat model (a cli agent): no provider stop reason. */
  public AgentResult(
      List<ChatMessage> messages,
      List<ToolInvocation> invocations,
      TokenUsage usage,
      long finalContextTokens,
      int turns,
      Stop stop,
      String error) {
    this(messages, invocations, usage, finalContextTokens, turns, stop, error, null);
  }
}
