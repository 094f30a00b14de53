package dev.evals.modes.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.cases.CaseDefinition;
import dev.evals.model.ToolCall;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.Session;
import dev.evals.modes.SessionContext;
import java.util.List;

/** An app case with its fixtures read and rules parsed. */
final class PreparedAppCase implements PreparedCase {

  private final CaseDefinition definition;
  private final String systemPrompt;
  private final AppState initial;
  private final AppState expected;
  private final AppValidator validator;

  PreparedAppCase(
      CaseDefinition definition,
      String systemPrompt,
      AppState initial,
      AppState expected,
      AppRules rules) {
    this.definition = definition;
    this.systemPrompt = systemPrompt;
    this.initial = initial;
    this.expected = expected;
    this.validator = new AppValidator(rules, initial);
  }

  @Override
  public CaseDefinition definition() {
    return definition;
  }

  @Override
  public Session openSession(SessionContext context) {
    String prompt =
        context.systemPromptOverride() == null ? systemPrompt : context.systemPromptOverride();
    return new AppSession(prompt, initial, validator);
  }

  @Override
  public List<ToolCall> referenceSolution() {
    return expected == null ? List.of() : ReferenceSolution.of(initial, expected);
  }

  /**
   * The expected app must have an entry file and code defining main in every runnable. Datatables
   * come from the initial app (no tool edits them), so an expected app with other datatables cannot
   * be rebuilt through the tools and counts as incomplete too.
   */
  @Override
  public boolean referenceIsComplete() {
    if (expected == null || expected.entryPath().isEmpty()) {
      return false;
    }
    AppState start = initial == null ? AppState.EMPTY : initial;
    return expected.backend().values().stream().allMatch(AppValidator::definesMain)
        && expected.datatables().equals(start.datatables());
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
