package dev.evals.modes.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.cases.CaseDefinition;
import dev.evals.naming.ClosestMatch;
import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads a cli case's {@code cliExpect} and {@code validate} with errors at the exact field. */
final class CliCaseReader {

  /** The {@code validate} rules of cli mode. */
  static final Set<String> RULE_NAMES = Set.of("allowedExtraFiles");

  private final CaseDefinition definition;

  CliCaseReader(CaseDefinition definition) {
    this.definition = definition;
  }

  CliExpect cliExpect() {
    ObjectNode node = definition.cliExpect();
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!CliExpect.FIELDS.contains(name)) {
        throw definition.error(
            "cliExpect." + name,
            "unknown cliExpect field '" + name + "'" + ClosestMatch.hint(CliExpect.FIELDS, name));
      }
    }
    JsonNode unchanged = node.get("workspaceUnchanged");
    if (unchanged != null && !unchanged.isBoolean()) {
      throw definition.error(
          "cliExpect.workspaceUnchanged", "workspaceUnchanged must be a boolean");
    }
    return new CliExpect(
        new CliExpect.SkillExpect(
            strings("cliExpect", node, "requiredSkills"),
            strings("cliExpect", node, "forbiddenSkills"),
            strings("cliExpect", node, "requiredSkillsBeforeFirstMutation")),
        new CliExpect.CommandExpect(
            patterns(node),
            strings("cliExpect", node, "requiredProposedCommands"),
            strings("cliExpect", node, "forbiddenProposedCommands"),
            strings("cliExpect", node, "orderedProposedCommands")),
        new CliExpect.MentionExpect(
            strings("cliExpect", node, "requiredAssistantMentions"),
            strings("cliExpect", node, "forbiddenAssistantMentions"),
            strings("cliExpect", node, "orderedAssistantMentions")),
        unchanged != null && unchanged.booleanValue());
  }

  /** The {@code validate.allowedExtraFiles} globs, matched against workspace-relative paths. */
  List<PathMatcher> allowedExtraFiles() {
    List<PathMatcher> matchers = new ArrayList<>();
    List<String> globs = strings("validate", definition.validate(), "allowedExtraFiles");
    for (int i = 0; i < globs.size(); i++) {
      try {
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + globs.get(i)));
      } catch (IllegalArgumentException e) {
        throw definition.error(
            "validate.allowedExtraFiles[" + i + "]", "not a valid glob: " + e.getMessage());
      }
    }
    return matchers;
  }

  private List<Pattern> patterns(ObjectNode node) {
    List<String> sources = strings("cliExpect", node, "forbiddenExecutedCommands");
    List<Pattern> patterns = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      try {
        patterns.add(Pattern.compile(sources.get(i)));
      } catch (PatternSyntaxException e) {
        throw definition.error(
            "cliExpect.forbiddenExecutedCommands[" + i + "]",
            "not a valid regular expression: " + e.getDescription());
      }
    }
    return patterns;
  }

  private List<String> strings(String parent, JsonNode node, String field) {
    JsonNode list = node.get(field);
    String path = parent + "." + field;
    if (list == null || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw definition.error(path, field + " must be a list of strings");
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      if (!item.isTextual() || item.asText().isBlank()) {
        throw definition.error(path + "[" + i + "]", "must be a non-empty string");
      }
      values.add(item.asText());
    }
    return values;
  }
}
