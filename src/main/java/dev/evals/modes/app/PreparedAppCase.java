package dev.evals.modes.app;

import dev.evals.agent.RecordedTranscript;
import dev.evals.cases.CaseDefinition;
import dev.evals.cases.CaseRuntime;
import dev.evals.datatable.DatatableSeed;
import dev.evals.model.ToolCall;
import dev.evals.modes.DraftCase;
import dev.evals.modes.SessionContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** An app case with its fixtures read and rules parsed. */
final class PreparedAppCase extends DraftCase<AppState, AppState, AppSession> {

  private final AppValidator validator;
  private final DatatableSeed seed;
  private final List<CaseRuntime.Mention> mentions;

  PreparedAppCase(
      CaseDefinition definition,
      String systemPrompt,
      AppState initial,
      AppState expected,
      AppRules rules) {
    super(definition, systemPrompt, initial, expected);
    this.validator = new AppValidator(rules, initial);
    try {
      this.seed = DatatableSeed.parse(initial == null ? null : initial.datatables());
    } catch (IllegalArgumentException e) {
      throw definition.error("initial", "initial datatables.json: " + e.getMessage());
    }
    CaseRuntime.AppContext context = definition.runtime().appContext();
    this.mentions = context == null ? List.of() : context.additional();
    for (CaseRuntime.Mention mention : mentions) {
      AppContextMessage.unresolved(mention, initial == null ? AppState.EMPTY : initial, seed)
          .ifPresent(
              problem -> {
                throw definition.error("runtime", problem);
              });
    }
  }

  @Override
  protected AppSession newSession(String prompt, SessionContext context) {
    return new AppSession(
        prompt,
        initial(),
        validator,
        context.datatables().attempt(seed),
        instructions -> AppContextMessage.of(instructions, mentions, seed));
  }

  /** The tools the attempt ran, as its transcript records them (for {@code requiredToolsUsed}). */
  @Override
  protected void restoreMore(Path attemptFolder, AppSession session) throws IOException {
    RecordedTranscript.read(attemptFolder).toolsRun(session.tools()).forEach(session::used);
  }

  @Override
  protected List<ToolCall> referenceCalls(AppState expected) {
    return AppReference.of(initial(), expected);
  }

  /**
   * The expected app must have an entry file and code defining main in every runnable. Datatables
   * come from the initial app (no tool edits them), so an expected app with other datatables cannot
   * be rebuilt through the tools and counts as incomplete too.
   */
  @Override
  public boolean referenceIsComplete() {
    AppState expected = expected();
    if (expected == null || expected.entryPath().isEmpty()) {
      return false;
    }
    AppState start = initial() == null ? AppState.EMPTY : initial();
    return expected.backend().values().stream().allMatch(AppValidator::definesMain)
        && expected.datatables().equals(start.datatables());
  }
}
