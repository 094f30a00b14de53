package dev.evals.modes.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The shipped cli cases ({@code cases/cli.yaml}, {@code fixtures/cli}) and how a correct agent
 * plays each one: read the skills the case requires, read the files it will replace, write the
 * expected files, run {@code wmill --version}, then answer with the commands and mentions the case
 * expects.
 */
final class ShippedCliCases {

  static final Path ROOT = Path.of("").toAbsolutePath();

  private final List<JsonNode> cases = new ArrayList<>();

  ShippedCliCases() throws IOException {
    Mappers.yaml().readTree(ROOT.resolve("cases/cli.yaml").toFile()).forEach(cases::add);
  }

  List<String> ids() {
    return cases.stream().map(node -> node.path("id").asText()).toList();
  }

  JsonNode of(String id) {
    return cases.stream()
        .filter(node -> node.path("id").asText().equals(id))
        .findFirst()
        .orElseThrow();
  }

  /** What the stand-in finds in a request for this case: its prompt's first line, unquoted. */
  static String key(JsonNode definition) {
    String line = definition.path("prompt").asText().strip().split("\n")[0];
    int quote = line.indexOf('"');
    return quote < 0 ? line : line.substring(0, quote);
  }

  /** Claude Code's correct play. */
  AgentPlay claudePlay(String id) {
    JsonNode definition = of(id);
    List<AgentPlay.Step> skills = new ArrayList<>();
    skills.add(new AgentPlay.Say("I will read the skills this task needs first."));
    skillsOf(definition)
        .forEach(
            skill ->
                skills.add(
                    AgentPlay.call("Read", "file_path", ".claude/skills/" + skill + "/SKILL.md")));
    Map<String, String> expected = files(definition, "expected");
    Map<String, String> initial = files(definition, "initial");
    List<AgentPlay.Step> reads = new ArrayList<>();
    List<AgentPlay.Step> writes = new ArrayList<>();
    expected.forEach(
        (path, content) -> {
          if (initial.containsKey(path)) {
            reads.add(AgentPlay.call("Read", "file_path", path));
          }
          writes.add(AgentPlay.call("Write", "file_path", path, "content", content));
        });
    return new AgentPlay.Builder()
        .turn(skills)
        .turn(reads)
        .turn(writes)
        .turn(AgentPlay.call("Bash", "command", "wmill --version", "description", "wmill version"))
        .turn(new AgentPlay.Say(answer(definition, expected.keySet())))
        .build();
  }

  /** Codex's correct play: skills read with {@code cat}, files added with {@code apply_patch}. */
  AgentPlay codexPlay(String id) {
    JsonNode definition = of(id);
    AgentPlay.Builder play = new AgentPlay.Builder();
    skillsOf(definition)
        .forEach(
            skill ->
                play.turn(
                    AgentPlay.call(
                        "exec_command", "cmd", "cat .agents/skills/" + skill + "/SKILL.md")));
    Map<String, String> expected = files(definition, "expected");
    if (!expected.isEmpty()) {
      StringBuilder patch = new StringBuilder("*** Begin Patch\n");
      expected.forEach(
          (path, content) -> {
            patch.append("*** Add File: ").append(path).append('\n');
            content.lines().forEach(line -> patch.append('+').append(line).append('\n'));
          });
      play.turn(AgentPlay.call("apply_patch", "patch", patch.append("*** End Patch\n").toString()));
    }
    return play.turn(new AgentPlay.Say(answer(definition, expected.keySet()))).build();
  }

  static Set<String> skillsOf(JsonNode definition) {
    Set<String> skills = new LinkedHashSet<>();
    definition
        .path("cliExpect")
        .path("requiredSkillsBeforeFirstMutation")
        .forEach(s -> skills.add(s.asText()));
    definition.path("cliExpect").path("requiredSkills").forEach(s -> skills.add(s.asText()));
    return skills;
  }

  static String answer(JsonNode definition, Set<String> written) {
    JsonNode expect = definition.path("cliExpect");
    StringBuilder answer =
        new StringBuilder(written.isEmpty() ? "I left the workspace unchanged.\n" : "I wrote:\n");
    written.forEach(path -> answer.append("- ").append(path).append('\n'));
    Set<String> mentions = strings(expect, "orderedAssistantMentions", "requiredAssistantMentions");
    if (!mentions.isEmpty()) {
      answer.append("\nIn short: ").append(String.join(", then ", mentions)).append(".\n");
    }
    Set<String> commands = strings(expect, "orderedProposedCommands", "requiredProposedCommands");
    if (!commands.isEmpty()) {
      answer.append("\nRun these commands in this order:\n\n```sh\n");
      commands.forEach(command -> answer.append(command).append('\n'));
      answer.append("```\n");
    }
    return answer.toString();
  }

  private static Set<String> strings(JsonNode expect, String... fields) {
    Set<String> values = new LinkedHashSet<>();
    for (String field : fields) {
      expect.path(field).forEach(value -> values.add(value.asText()));
    }
    return values;
  }

  /** The files of the case's {@code initial} or {@code expected} folder, by workspace path. */
  static Map<String, String> files(JsonNode definition, String field) {
    Map<String, String> files = new LinkedHashMap<>();
    if (!definition.hasNonNull(field)) {
      return files;
    }
    Path folder = ROOT.resolve("cases").resolve(definition.path(field).asText()).normalize();
    if (!Files.isDirectory(folder)) {
      folder = ROOT.resolve(definition.path(field).asText());
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        files.put(folder.relativize(file).toString(), Files.readString(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
