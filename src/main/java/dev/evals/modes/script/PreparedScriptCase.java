package dev.evals.modes.script;

import dev.evals.cases.CaseDefinition;
import dev.evals.model.ToolCall;
import dev.evals.modes.DraftCase;
import dev.evals.modes.Mutant;
import dev.evals.modes.SessionContext;
import dev.evals.modes.deploy.Deployments;
import java.util.List;
import java.util.Set;

/** A script case with its fixtures read and rules parsed. */
final class PreparedScriptCase extends DraftCase<ScriptState, ScriptState, ScriptSession> {

  private final ScriptValidator validator;

  PreparedScriptCase(
      CaseDefinition definition,
      String systemPrompt,
      ScriptState initial,
      ScriptState expected,
      ScriptRules rules) {
    super(definition, systemPrompt, initial, expected);
    this.validator = new ScriptValidator(rules, initial, expected);
  }

  @Override
  protected ScriptSession newSession(String prompt, SessionContext context) {
    CaseDefinition definition = definition();
    return new ScriptSession(
        definition.id(),
        prompt,
        initial(),
        validator,
        definition.runtime().backendPreview(),
        context.previewer());
  }

  @Override
  protected List<ToolCall> referenceCalls(ScriptState expected) {
    return ScriptReference.of(definition(), expected);
  }

  /** The expected script's seeded defects, each set as the reference sets it. */
  @Override
  public List<Mutant> mutants() {
    return expected() == null ? List.of() : ScriptMutants.of(definition(), expected());
  }

  /** Complete when the expected script has code with its entry point (bash and SQL need none). */
  @Override
  public boolean referenceIsComplete() {
    ScriptState expected = expected();
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
}
