package dev.evals.modes;

import dev.evals.agent.AgentListener;
import dev.evals.agent.AgentResult;
import dev.evals.model.ModelSpec;

/**
 * How a mode's model under test is driven: our tool loop talking to a chat model with the session's
 * system prompt and tools, or an external agent process the mode starts for each attempt.
 */
public sealed interface Driver permits Driver.ToolLoop, Driver.AgentProcess {

  /** The chat model is driven by our tool loop; it needs a chat endpoint and its credentials. */
  Driver TOOL_LOOP = new ToolLoop();

  /** Our tool loop over {@link Session#systemPrompt()} and {@link Session#tools()}. */
  record ToolLoop() implements Driver {}

  /**
   * An agent process (cli mode) that brings its own tools; no chat endpoint is needed.
   *
   * @param runner runs the agent of one session
   */
  record AgentProcess(AgentRunner runner) implements Driver {}

  /** Runs an external agent for one attempt's session. */
  @FunctionalInterface
  interface AgentRunner {

    /**
     * Runs the agent to completion (or its timeout) and reports what it did as an {@link
     * AgentResult}: the final assistant text as the last message, its tool calls as invocations,
     * its token usage when the agent reports it. A process that cannot start is a {@link
     * dev.evals.model.ProviderException} (an execution error).
     */
    AgentResult run(Session session, ModelSpec model, AgentListener listener);
  }
}
