package dev.evals.modes.cli;

import java.util.List;

/**
 * Everything one agent run left behind, kept in memory once its temporary folder is gone.
 *
 * @param workspace the final workspace files
 * @param diff what changed against the initial files and guidance
 * @param escaped paths written beside the workspace, relative to its parent
 * @param transcript what the agent reported
 * @param trace what it did, for checks and {@code trace.json}
 * @param outcome how its process ended
 * @param wmillLog the wmill stub's JSON-lines log
 */
record CliAttempt(
    FileTree workspace,
    AgentFolderDiff diff,
    List<String> escaped,
    AgentTranscript transcript,
    CliTrace trace,
    ProcessOutcome outcome,
    String wmillLog) {

  CliAttempt {
    escaped = List.copyOf(escaped);
  }
}
