package dev.evals.modes.cli;

import java.util.List;

/**
 * What the agent did, as written to {@code trace.json} and checked against {@code cliExpect}.
 *
 * @param toolsUsed tool names in order of use
 * @param skillsInvoked skills used through the Skill tool or by reading their SKILL.md, in order
 * @param skillsBeforeFirstMutation the skills invoked before the first file mutation
 * @param bashCommands shell command lines the agent ran
 * @param executedWmillCommands wmill calls the stub recorded
 * @param proposedCommands wmill commands the final answer proposes
 * @param firstMutationIndex index in {@code toolsUsed} of the first file mutation, or null
 */
record CliTrace(
    List<String> toolsUsed,
    List<String> skillsInvoked,
    List<String> skillsBeforeFirstMutation,
    List<String> bashCommands,
    List<String> executedWmillCommands,
    List<String> proposedCommands,
    Integer firstMutationIndex) {

  CliTrace {
    toolsUsed = List.copyOf(toolsUsed);
    skillsInvoked = List.copyOf(skillsInvoked);
    skillsBeforeFirstMutation = List.copyOf(skillsBeforeFirstMutation);
    bashCommands = List.copyOf(bashCommands);
    executedWmillCommands = List.copyOf(executedWmillCommands);
    proposedCommands = List.copyOf(proposedCommands);
  }

  /** Executed command lines: the stub's record first, then the shell lines. */
  List<String> executedCommands() {
    return java.util.stream.Stream.concat(executedWmillCommands.stream(), bashCommands.stream())
        .toList();
  }
}
