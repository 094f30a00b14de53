package dev.evals.modes.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.evals.model.TokenUsage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The offline reference model in cli mode: starts no process, invokes the skills the case requires,
 * writes the expected files into the workspace and answers, as a careful agent would. A case with
 * an expected answer gets that answer word for word, so its answer checks test what its author
 * wrote; otherwise the answer lists the files written, with the commands and mentions the case
 * expects.
 */
final class ReferenceAgent {

  private ReferenceAgent() {}

  static AgentTranscript solve(
      FileTree expected, String expectedAnswer, CliExpect expect, Path workspace)
      throws IOException {
    List<ToolUse> uses = new ArrayList<>();
    Set<String> skills = new LinkedHashSet<>(expect.skills().requiredSkillsBeforeFirstMutation());
    skills.addAll(expect.skills().requiredSkills());
    skills.forEach(
        skill ->
            uses.add(
                new ToolUse("Skill", JsonNodeFactory.instance.objectNode().put("skill", skill))));
    expected
        .files()
        .keySet()
        .forEach(
            path ->
                uses.add(
                    new ToolUse(
                        "Write", JsonNodeFactory.instance.objectNode().put("file_path", path))));
    expected.writeTo(workspace);
    String answer = expectedAnswer != null ? expectedAnswer : answer(expected, expect);
    return new AgentTranscript(uses, answer, TokenUsage.ZERO, 0, 1);
  }

  private static String answer(FileTree expected, CliExpect expect) {
    StringBuilder answer = new StringBuilder();
    if (expected.files().isEmpty()) {
      answer.append("I left the workspace unchanged.\n");
    } else {
      answer.append("I wrote the requested files:\n");
      expected.files().keySet().forEach(path -> answer.append("- ").append(path).append('\n'));
    }
    Set<String> mentions = new LinkedHashSet<>(expect.mentions().orderedAssistantMentions());
    mentions.addAll(expect.mentions().requiredAssistantMentions());
    if (!mentions.isEmpty()) {
      answer.append("\nIn short: ").append(String.join(", then ", mentions)).append(".\n");
    }
    Set<String> commands = new LinkedHashSet<>(expect.commands().orderedProposedCommands());
    commands.addAll(expect.commands().requiredProposedCommands());
    if (!commands.isEmpty()) {
      answer.append("\nRun these commands in this order:\n\n```sh\n");
      commands.forEach(command -> answer.append(command).append('\n'));
      answer.append("```\n");
    }
    return answer.toString();
  }
}
