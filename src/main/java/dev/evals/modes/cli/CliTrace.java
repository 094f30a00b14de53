package dev.evals.modes.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the agent did, as written to {@code trace.json} and checked against {@code cliExpect}. Only
 * calls that ran count: a call the agent's permissions denied is listed in {@code calls} and
 * nowhere else.
 *
 * @param toolsUsed tool names in order of use
 * @param skills the skills it invoked (written flat in {@code trace.json}, as all groups are)
 * @param commands the commands it ran and proposed
 * @param firstMutationIndex index in {@code toolsUsed} of the first file mutation, or null
 * @param calls every call the agent made, with its outcome
 * @param requestedModel the model id the agent was asked to use, or null
 * @param agent what the agent reported about its model, cost and provider
 */
record CliTrace(
    List<String> toolsUsed,
    @JsonUnwrapped SkillUse skills,
    @JsonUnwrapped CommandUse commands,
    Integer firstMutationIndex,
    List<Call> calls,
    String requestedModel,
    AgentReport agent) {

  /**
   * One call.
   *
   * @param tool the tool's name
   * @param outcome {@code done}, {@code failed} or {@code denied}
   * @param target the command, file or skill it was about, or empty
   */
  record Call(String tool, String outcome, String target) {}

  /**
   * @param skillsInvoked skills used through the Skill tool or by reading their SKILL.md, in order
   * @param skillsBeforeFirstMutation the skills invoked before the first file mutation
   */
  record SkillUse(List<String> skillsInvoked, List<String> skillsBeforeFirstMutation) {
    SkillUse {
      skillsInvoked = List.copyOf(skillsInvoked);
      skillsBeforeFirstMutation = List.copyOf(skillsBeforeFirstMutation);
    }
  }

  /**
   * @param bashCommands shell command lines the agent ran
   * @param executedWmillCommands wmill calls the stub recorded
   * @param proposedCommands wmill commands the final answer proposes
   */
  record CommandUse(
      List<String> bashCommands,
      List<String> executedWmillCommands,
      List<String> proposedCommands) {
    CommandUse {
      bashCommands = List.copyOf(bashCommands);
      executedWmillCommands = List.copyOf(executedWmillCommands);
      proposedCommands = List.copyOf(proposedCommands);
    }

    /** Executed command lines: the stub's record first, then the shell lines. */
    List<String> executed() {
      return Stream.concat(executedWmillCommands.stream(), bashCommands.stream()).toList();
    }
  }

  CliTrace {
    toolsUsed = List.copyOf(toolsUsed);
    calls = calls == null ? List.of() : List.copyOf(calls);
    agent = agent == null ? AgentReport.NONE : agent;
  }
}
