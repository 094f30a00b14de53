package dev.evals.modes.cli;

/**
 * What the agent says about its own run, kept beside what evals measures.
 *
 * @param model the model the agent says it used (Claude Code's {@code init} event), or null
 * @param costUsd the cost the agent computed itself ({@code total_cost_usd}), or null
 * @param apiError why the agent could not reach or use its provider, or null when it could
 */
record AgentReport(String model, Double costUsd, String apiError) {

  static final AgentReport NONE = new AgentReport(null, null, null);
}
