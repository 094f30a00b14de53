package dev.evals.modes.cli;

import dev.evals.cases.CaseDefinition;
import dev.evals.cases.Fixtures;
import dev.evals.model.ModelSpec;
import dev.evals.modes.Driver;
import dev.evals.modes.Mode;
import dev.evals.modes.PreparedCase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Cli mode: a coding agent (Claude Code, Codex, ...) works in a local Windmill project folder with
 * the wmill CLI conventions and guidance, and its files, commands and answer are checked.
 *
 * <p>Each attempt runs the agent as a process in its own temporary workspace holding the case's
 * {@code initial} folder and the guidance; {@code wmill} on its PATH is a stub that records calls
 * and exits 97. Attempts share the machine's CPU and the agent's account limits, so the runner's
 * {@code --concurrency} applies to them as to any mode; run cli attempts one at a time unless the
 * agent and the machine allow more.
 */
public final class CliMode implements Mode {

  private final Path guidanceDirectory;
  private final String agentCommandOverride;
  private final Map<String, String> environment;
  private final Path temporaryRoot;

  /**
   * The built-in guidance and each model's own agent command; agents get no environment, which is
   * enough to list, load and replay cases with the reference model.
   */
  public CliMode() {
    this(null, null, Map.of());
  }

  /**
   * @param guidanceDirectory a folder replacing the built-in guidance ({@code AGENTS.md}, {@code
   *     skills/<name>/SKILL.md}, ...), or null
   * @param agentCommandOverride an agent command template ({@code {prompt}}, {@code {model}}) used
   *     for every model, or null
   * @param environment the variables agent processes start with (the run's environment: the
   *     process's own over the {@code .env} files)
   */
  public CliMode(
      Path guidanceDirectory, String agentCommandOverride, Map<String, String> environment) {
    this(guidanceDirectory, agentCommandOverride, environment, null);
  }

  CliMode(
      Path guidanceDirectory,
      String agentCommandOverride,
      Map<String, String> environment,
      Path temporaryRoot) {
    if (agentCommandOverride != null) {
      AgentCommand.parse(agentCommandOverride);
    }
    if (guidanceDirectory != null && !Files.isDirectory(guidanceDirectory)) {
      throw new IllegalArgumentException("guidance directory not found: " + guidanceDirectory);
    }
    this.guidanceDirectory = guidanceDirectory;
    this.agentCommandOverride = agentCommandOverride;
    this.environment = Map.copyOf(environment);
    this.temporaryRoot = temporaryRoot;
  }

  @Override
  public String name() {
    return "cli";
  }

  @Override
  public void checkModel(ModelSpec model) {
    boolean hasCommand = model.agentCommand() != null && !model.agentCommand().isBlank();
    if (!model.isReference() && agentCommandOverride == null && !hasCommand) {
      throw UnsupportedAgentException.forModel(model);
    }
  }

  /** Each attempt runs its agent (or the reference's copy) in the session's own folder. */
  @Override
  public Driver driver() {
    return new Driver.AgentProcess(
        (session, model, listener) -> ((CliSession) session).runAgent(model, listener));
  }

  /** One agent at a time: coding agents are heavy and share the machine's files and CPU. */
  @Override
  public int defaultConcurrency() {
    return 1;
  }

  @Override
  public Set<String> validateRuleNames() {
    return CliCaseReader.RULE_NAMES;
  }

  @Override
  public PreparedCase prepare(CaseDefinition definition, Fixtures fixtures) {
    CliCaseReader reader = new CliCaseReader(definition);
    CliExpect expect = reader.cliExpect();
    FileTree initial = FileTree.EMPTY;
    if (definition.initial() != null) {
      initial = folder(definition, fixtures, "initial", definition.initial());
    }
    FileTree expected = null;
    String expectedAnswer = null;
    if (definition.expected() != null) {
      Path path = fixtures.resolve(definition, "expected", definition.expected());
      if (Files.isRegularFile(path)) {
        expectedAnswer = answer(definition, path);
      } else {
        expected = folder(definition, fixtures, "expected", definition.expected());
      }
    }
    Guidance guidance =
        guidanceDirectory == null ? Guidance.builtIn() : Guidance.fromDirectory(guidanceDirectory);
    return new PreparedCliCase(
        definition,
        initial,
        expected,
        expectedAnswer,
        expect,
        reader.allowedExtraFiles(),
        new CliSettings(guidance, agentCommandOverride, environment, temporaryRoot));
  }

  /**
   * The expected final answer of a case that asks for an answer only: a Markdown file, which the
   * reference gives word for word, so the case's answer checks test it rather than being read from
   * them.
   */
  private static String answer(CaseDefinition definition, Path path) {
    if (!path.getFileName().toString().endsWith(".md")) {
      throw definition.error(
          "expected",
          "expected must name a folder of workspace files or a Markdown (.md) file holding the"
              + " expected answer: "
              + definition.expected());
    }
    try {
      String text = Files.readString(path, StandardCharsets.UTF_8);
      if (text.isBlank()) {
        throw definition.error("expected", "expected answer is empty: " + definition.expected());
      }
      return text;
    } catch (IOException e) {
      throw definition.error("expected", "expected cannot be read: " + definition.expected());
    }
  }

  private static FileTree folder(
      CaseDefinition definition, Fixtures fixtures, String field, String relative) {
    Path path = fixtures.resolve(definition, field, relative);
    if (!Files.isDirectory(path)) {
      throw definition.error(field, field + " must name a folder of workspace files: " + relative);
    }
    FileTree tree = FileTree.snapshot(path, name -> false);
    if (tree.files().values().stream().anyMatch(entry -> entry.linkTarget() != null)) {
      throw definition.error(field, field + " fixture may not contain links: " + relative);
    }
    return tree;
  }
}
