package dev.evals.modes.cli;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A cli case's {@code cliExpect}, with Windmill's field names (written flat in the case file): what
 * the agent must (not) invoke, run, propose and mention. Every list may be empty.
 *
 * @param skills the skills the agent must and must not invoke
 * @param commands the commands it must not execute and must (not) propose
 * @param mentions the text its final answer must (not) contain
 * @param workspaceUnchanged whether the agent must leave every file as it was
 */
record CliExpect(
    SkillExpect skills,
    CommandExpect commands,
    MentionExpect mentions,
    boolean workspaceUnchanged) {

  static final List<String> FIELDS =
      List.of(
          "requiredSkills",
          "forbiddenSkills",
          "requiredSkillsBeforeFirstMutation",
          "forbiddenExecutedCommands",
          "requiredProposedCommands",
          "forbiddenProposedCommands",
          "orderedProposedCommands",
          "requiredAssistantMentions",
          "forbiddenAssistantMentions",
          "orderedAssistantMentions",
          "workspaceUnchanged");

  /**
   * @param requiredSkills skills the agent must invoke
   * @param forbiddenSkills skills the agent must not invoke
   * @param requiredSkillsBeforeFirstMutation skills invoked before the first file mutation
   */
  record SkillExpect(
      List<String> requiredSkills,
      List<String> forbiddenSkills,
      List<String> requiredSkillsBeforeFirstMutation) {
    SkillExpect {
      requiredSkills = List.copyOf(requiredSkills);
      forbiddenSkills = List.copyOf(forbiddenSkills);
      requiredSkillsBeforeFirstMutation = List.copyOf(requiredSkillsBeforeFirstMutation);
    }
  }

  /**
   * @param forbiddenExecutedCommands patterns no executed command may match
   * @param requiredProposedCommands commands the final answer must propose
   * @param forbiddenProposedCommands commands the final answer must not propose
   * @param orderedProposedCommands commands the final answer must propose in this order
   */
  record CommandExpect(
      List<Pattern> forbiddenExecutedCommands,
      List<String> requiredProposedCommands,
      List<String> forbiddenProposedCommands,
      List<String> orderedProposedCommands) {
    CommandExpect {
      forbiddenExecutedCommands = List.copyOf(forbiddenExecutedCommands);
      requiredProposedCommands = List.copyOf(requiredProposedCommands);
      forbiddenProposedCommands = List.copyOf(forbiddenProposedCommands);
      orderedProposedCommands = List.copyOf(orderedProposedCommands);
    }
  }

  /**
   * @param requiredAssistantMentions text the final answer must contain
   * @param forbiddenAssistantMentions text the final answer must not contain
   * @param orderedAssistantMentions text the final answer must contain in this order
   */
  record MentionExpect(
      List<String> requiredAssistantMentions,
      List<String> forbiddenAssistantMentions,
      List<String> orderedAssistantMentions) {
    MentionExpect {
      requiredAssistantMentions = List.copyOf(requiredAssistantMentions);
      forbiddenAssistantMentions = List.copyOf(forbiddenAssistantMentions);
      orderedAssistantMentions = List.copyOf(orderedAssistantMentions);
    }
  }
}
