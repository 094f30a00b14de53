package dev.evals.modes.cli;

import dev.evals.validate.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/** The checks a case's {@code cliExpect} asks for; a field left out adds no check. */
final class ExpectChecks {

  private ExpectChecks() {}

  /**
   * @param guidanceSkills the skills the workspace's guidance offers: a required skill outside it
   *     cannot be invoked, which the failed check says
   */
  static List<Check> of(
      CliExpect expect, CliTrace trace, String finalAnswer, Set<String> guidanceSkills) {
    List<Check> checks = new ArrayList<>();
    skills(expect.skills(), trace.skills(), guidanceSkills, checks);
    if (!expect.commands().forbiddenExecutedCommands().isEmpty()) {
      checks.add(
          forbiddenExecuted(
              expect.commands().forbiddenExecutedCommands(), trace.commands().executed()));
    }
    proposed(expect.commands(), trace.commands().proposedCommands(), checks);
    mentions(expect.mentions(), finalAnswer, checks);
    return checks;
  }

  private static void skills(
      CliExpect.SkillExpect expect,
      CliTrace.SkillUse trace,
      Set<String> guidanceSkills,
      List<Check> checks) {
    if (!expect.requiredSkills().isEmpty()) {
      checks.add(
          missing(
              "required skills invoked",
              expect.requiredSkills(),
              trace.skillsInvoked(),
              String::equals,
              "skills invoked: "
                  + trace.skillsInvoked()
                  + notInGuidance(expect.requiredSkills(), guidanceSkills)));
    }
    if (!expect.forbiddenSkills().isEmpty()) {
      checks.add(
          present("forbidden skills not invoked", expect.forbiddenSkills(), trace.skillsInvoked()));
    }
    if (!expect.requiredSkillsBeforeFirstMutation().isEmpty()) {
      checks.add(
          missing(
              "skills invoked before the first file mutation",
              expect.requiredSkillsBeforeFirstMutation(),
              trace.skillsBeforeFirstMutation(),
              String::equals,
              "skills before the first mutation: "
                  + trace.skillsBeforeFirstMutation()
                  + notInGuidance(expect.requiredSkillsBeforeFirstMutation(), guidanceSkills)));
    }
  }

  private static void proposed(
      CliExpect.CommandExpect expect, List<String> proposed, List<Check> checks) {
    BiPredicate<String, String> matches = ProposedCommands::matches;
    String seen = "proposed: " + proposed;
    if (!expect.requiredProposedCommands().isEmpty()) {
      checks.add(
          missing(
              "required commands proposed",
              expect.requiredProposedCommands(),
              proposed,
              matches,
              seen));
    }
    if (!expect.forbiddenProposedCommands().isEmpty()) {
      List<String> found =
          expect.forbiddenProposedCommands().stream()
              .filter(want -> proposed.stream().anyMatch(command -> matches.test(command, want)))
              .toList();
      checks.add(Check.of("forbidden commands not proposed", found.isEmpty(), "proposed " + found));
    }
    if (!expect.orderedProposedCommands().isEmpty()) {
      checks.add(
          ordered(
              "commands proposed in order", expect.orderedProposedCommands(), proposed, matches));
    }
  }

  private static void mentions(CliExpect.MentionExpect expect, String answer, List<Check> checks) {
    if (!expect.requiredAssistantMentions().isEmpty()) {
      List<String> absent =
          expect.requiredAssistantMentions().stream().filter(m -> !answer.contains(m)).toList();
      checks.add(
          Check.of("required mentions in the answer", absent.isEmpty(), "missing " + absent));
    }
    if (!expect.forbiddenAssistantMentions().isEmpty()) {
      List<String> found =
          expect.forbiddenAssistantMentions().stream().filter(answer::contains).toList();
      checks.add(
          Check.of(
              "forbidden mentions absent from the answer", found.isEmpty(), "mentions " + found));
    }
    if (!expect.orderedAssistantMentions().isEmpty()) {
      int from = 0;
      String failure = null;
      for (String mention : expect.orderedAssistantMentions()) {
        int at = answer.indexOf(mention, from);
        if (at < 0) {
          failure = "'" + mention + "' is missing or comes too early";
          break;
        }
        from = at + mention.length();
      }
      checks.add(Check.of("mentions in order in the answer", failure == null, failure));
    }
  }

  private static Check missing(
      String name,
      List<String> wanted,
      List<String> seen,
      BiPredicate<String, String> matches,
      String detail) {
    List<String> absent =
        wanted.stream()
            .filter(want -> seen.stream().noneMatch(s -> matches.test(s, want)))
            .toList();
    return Check.of(name, absent.isEmpty(), "missing " + absent + "; " + detail);
  }

  private static String notInGuidance(List<String> wanted, Set<String> guidanceSkills) {
    List<String> unknown = wanted.stream().filter(w -> !guidanceSkills.contains(w)).toList();
    return unknown.isEmpty()
        ? ""
        : "; the guidance has no skill "
            + unknown
            + " (it has "
            + guidanceSkills
            + "): give Windmill's guidance with --guidance-dir";
  }

  private static Check present(String name, List<String> forbidden, List<String> seen) {
    List<String> found = forbidden.stream().filter(seen::contains).toList();
    return Check.of(name, found.isEmpty(), "invoked " + found);
  }

  private static Check forbiddenExecuted(List<Pattern> patterns, List<String> executed) {
    List<String> offending =
        executed.stream()
            .filter(command -> patterns.stream().anyMatch(p -> p.matcher(command).find()))
            .distinct()
            .toList();
    return Check.of(
        "forbidden commands not executed", offending.isEmpty(), "executed " + offending);
  }

  /** Each wanted item matched at a later position than the one before. */
  private static Check ordered(
      String name, List<String> wanted, List<String> seen, BiPredicate<String, String> matches) {
    int from = 0;
    for (String want : wanted) {
      int at = -1;
      for (int i = from; i < seen.size(); i++) {
        if (matches.test(seen.get(i), want)) {
          at = i;
          break;
        }
      }
      if (at < 0) {
        return Check.fail(name, "'" + want + "' is missing or out of order; proposed: " + seen);
      }
      from = at + 1;
    }
    return Check.pass(name);
  }
}
