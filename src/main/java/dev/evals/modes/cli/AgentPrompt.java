package dev.evals.modes.cli;

/** The prompt given to the agent: the harness's framing, then the case's request. */
final class AgentPrompt {

  private static final String FRAMING =
      """
      You are working in a local Windmill project checked out with the wmill CLI. Follow the \
      project instructions in AGENTS.md. Before you create or change any Windmill script, flow or \
      other entity, open the matching skill listed there and follow it for file layout and \
      conventions. Never deploy: when a wmill command should be run (pull, metadata generation, \
      push), tell the user the exact command instead of running it.
      """;

  private AgentPrompt() {}

  static String of(String request) {
    return FRAMING + "\n# User request\n\n" + request.strip() + "\n";
  }
}
