package dev.evals.modes.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the {@link CliTrace} of an attempt from the agent's tool calls and final answer. A denied
 * call never ran: it reads no skill, runs no command and mutates nothing; a failed write mutated
 * nothing either, while a failed shell command still ran.
 */
final class TraceBuilder {

  private static final Pattern SKILL_FILE =
      Pattern.compile("(?:^|[/\\s'\"])skills/([A-Za-z0-9_.-]+)/SKILL\\.md");
  private static final Set<String> WRITE_TOOLS =
      Set.of("Write", "Edit", "MultiEdit", "NotebookEdit");
  private static final Set<String> READ_TOOLS = Set.of("Read", "View", "view");

  private TraceBuilder() {}

  static CliTrace build(
      AgentTranscript transcript, List<String> executedWmillCommands, String requestedModel) {
    List<String> toolsUsed = new ArrayList<>();
    List<CliTrace.Call> calls = new ArrayList<>();
    Set<String> skills = new LinkedHashSet<>();
    Set<String> skillsBefore = new LinkedHashSet<>();
    Set<String> bash = new LinkedHashSet<>();
    Integer firstMutation = null;
    for (ToolUse use : transcript.toolUses()) {
      calls.add(new CliTrace.Call(use.name(), use.outcome().label(), target(use)));
      if (!use.ran()) {
        continue;
      }
      int index = toolsUsed.size();
      toolsUsed.add(use.name());
      List<String> invoked = use.outcome() == ToolUse.Outcome.DONE ? skillsOf(use) : List.of();
      skills.addAll(invoked);
      if (use.name().equals("Bash")) {
        bash.addAll(ShellCommand.lines(use.text("command")));
      }
      // a skill read in the same call that first mutates is taken as read first
      if (firstMutation == null) {
        skillsBefore.addAll(invoked);
        if (mutates(use)) {
          firstMutation = index;
        }
      }
    }
    return new CliTrace(
        toolsUsed,
        new CliTrace.SkillUse(List.copyOf(skills), List.copyOf(skillsBefore)),
        new CliTrace.CommandUse(
            List.copyOf(bash),
            executedWmillCommands,
            ProposedCommands.extract(transcript.finalAnswer())),
        firstMutation,
        calls,
        requestedModel,
        transcript.report());
  }

  static List<String> skillsOf(ToolUse use) {
    List<String> skills = new ArrayList<>();
    if (use.name().equals("Skill")) {
      String skill = use.text("skill").isEmpty() ? use.text("command") : use.text("skill");
      if (!skill.isEmpty()) {
        skills.add(skill.startsWith("/") ? skill.substring(1) : skill);
      }
      return skills;
    }
    String target =
        READ_TOOLS.contains(use.name())
            ? use.text("file_path") + " " + use.text("path")
            : use.name().equals("Bash") ? use.text("command") : "";
    Matcher matcher = SKILL_FILE.matcher(target);
    while (matcher.find()) {
      skills.add(matcher.group(1));
    }
    return skills;
  }

  private static String target(ToolUse use) {
    for (String field : List.of("command", "file_path", "path", "skill", "notebook_path")) {
      if (!use.text(field).isEmpty()) {
        return use.text(field);
      }
    }
    return "";
  }

  private static boolean mutates(ToolUse use) {
    if (WRITE_TOOLS.contains(use.name())) {
      return use.outcome() == ToolUse.Outcome.DONE;
    }
    return use.name().equals("Bash") && ShellCommand.isLikelyMutating(use.text("command"));
  }
}
