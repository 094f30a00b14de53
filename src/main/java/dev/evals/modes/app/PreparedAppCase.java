package dev.evals.modes.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.agent.RecordedTranscript;
import dev.evals.cases.CaseDefinition;
import dev.evals.cases.CaseRuntime;
import dev.evals.datatable.DatatableSeed;
import dev.evals.json.Mappers;
import dev.evals.model.ToolCall;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.Session;
import dev.evals.modes.SessionContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** An app case with its fixtures read and rules parsed. */
final class PreparedAppCase implements PreparedCase {

  private final CaseDefinition definition;
  private final String systemPrompt;
  private final AppState initial;
  private final AppState expected;
  private final AppValidator validator;
  private final DatatableSeed seed;
  private final List<CaseRuntime.Mention> mentions;

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
  public CaseDefinition definition() {
    return definition;
  }

  @Override
  public Session openSession(SessionContext context) {
    String prompt = context.systemPrompt(systemPrompt);
    return new AppSession(
        prompt,
        initial,
        validator,
        context.datatables().attempt(seed),
        instructions -> AppContextMessage.of(instructions, mentions, seed));
  }

  /**
   * The app of {@code app.json}, when the model produced one, and the tools it ran as the
   * transcript records them (for {@code requiredToolsUsed}).
   */
  @Override
  public Session restore(Path attemptFolder, SessionContext context) throws IOException {
    AppSession session = (AppSession) openSession(context);
    RecordedTranscript.read(attemptFolder).toolsRun(session.tools()).forEach(session::used);
    Path app = attemptFolder.resolve("app.json");
    if (Files.isRegularFile(app)) {
      session.replace(AppState.fromJson(Mappers.json().readTree(app.toFile())));
    }
    return session;
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
