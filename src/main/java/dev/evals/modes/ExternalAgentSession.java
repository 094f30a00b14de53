package dev.evals.modes;

import dev.evals.agent.AgentListener;
import dev.evals.agent.AgentResult;
import dev.evals.model.ModelSpec;

/**
 * A session whose model under test is an external agent process (cli mode) rather than a chat model
 * driven through our tool loop. The runner calls {@link #runAgent} instead of the loop.
 */
public interface ExternalAgentSession extends Session {

  /**
   * Runs the agent to completion (or its timeout) and reports what it did as an {@link
   * AgentResult}: the final assistant text as the last message, its tool calls as invocations, its
   * token usage when the agent reports it. A process that cannot start is a {@link
   * dev.evals.model.ProviderException} (an execution error).
   */
  AgentResult runAgent(ModelSpec model, AgentListener listener);
}
