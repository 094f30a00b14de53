package dev.evals.modes.script;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.cases.CaseDefinition;
import dev.evals.json.Mappers;
import dev.evals.model.ToolCall;
import dev.evals.modes.Mutant;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.Session;
import dev.evals.modes.SessionContext;
import dev.evals.modes.deploy.Deployments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** A script case with its fixtures read and rules parsed. */
final class PreparedScriptCase implements PreparedCase {

  private final CaseDefinition definition;
  private final String systemPrompt;
  private final ScriptState initial;
  private final ScriptState expected;
  private final ScriptValidator validator;

  PreparedScriptCase(
      CaseDefinition definition,
      String systemPrompt,
      ScriptState initial,
      ScriptState expected,
      ScriptRules rules) {
    this.definition = definition;
    this.systemPrompt = systemPrompt;
    this.initial = initial;
    this.expected = expected;
    this.validator = new ScriptValidator(rules, initial, expected);
  }

  @Override
  public CaseDefinition definition() {
    return definition;
  }

  @Override
  public Session openSession(SessionContext context) {
    return newSession(context);
  }

  /** The script of {@code script.json}, when the model produced one. */
  @Override
  public Session restore(Path attemptFolder, SessionContext context) throws IOException {
    ScriptSession session = newSession(context);
    Path script = attemptFolder.resolve("script.json");
    if (Files.isRegularFile(script)) {
      session.replace(ScriptState.fromFixture(Mappers.json().readTree(script.toFile())));
    }
    return session;
  }

  private ScriptSession newSession(SessionContext context) {
    String prompt = context.systemPrompt(systemPrompt);
    return new ScriptSession(
        definition.id(),
        prompt,
        initial,
        validator,
        definition.runtime().backendPreview(),
        context.previewer());
  }

  @Override
  public List<ToolCall> referenceSolution() {
    return expected == null ? List.of() : ReferenceSolution.of(definition, expected);
  }

  /** The expected script's seeded defects, each set as the reference sets it. */
  @Override
  public List<Mutant> mutants() {
    return expected == null ? List.of() : ScriptMutants.of(definition, expected);
  }

  /** Complete when the expected script has code with its entry point (bash and SQL need none). */
  @Override
  public boolean referenceIsComplete() {
    if (expected == null || expected.isBlank()) {
      return false;
    }
    return expected
        .knownLanguage()
        .map(language -> EntryPoint.signature(expected.content(), language).isPresent())
        .orElse(false);
  }

  /** The reference replays the expected script and never creates schedules or triggers. */
  @Override
  public Set<String> toolsTheReferenceCannotCall() {
    return Set.copyOf(Deployments.TOOL_NAMES);
  }

  @Override
  public JsonNode initialState() {
    return initial == null ? null : initial.toJson();
  }

  @Override
  public JsonNode expectedState() {
    return expected == null ? null : expected.toJson();
  }
}
