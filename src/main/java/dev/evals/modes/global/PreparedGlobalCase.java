package dev.evals.modes.global;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.cases.CaseDefinition;
import dev.evals.datatable.DatatableSeed;
import dev.evals.json.Mappers;
import dev.evals.model.ToolCall;
import dev.evals.modes.Mutant;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.Session;
import dev.evals.modes.SessionContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A global case with its workspace fixture, expected outcome and rules read. */
final class PreparedGlobalCase implements PreparedCase {

  private final CaseDefinition definition;
  private final String systemPrompt;
  private final InitialWorkspace initial;
  private final ExpectedOutcome expected;
  private final GlobalValidator validator;
  private final DatatableSeed seed;

  PreparedGlobalCase(
      CaseDefinition definition,
      String systemPrompt,
      InitialWorkspace initial,
      ExpectedOutcome expected,
      GlobalRules rules,
      DatatableSeed seed) {
    this.seed = seed;
    this.definition = definition;
    this.systemPrompt = systemPrompt;
    this.initial = initial;
    this.expected = expected;
    this.validator = new GlobalValidator(rules);
  }

  @Override
  public CaseDefinition definition() {
    return definition;
  }

  @Override
  public Session openSession(SessionContext context) {
    return open(context, seed);
  }

  private GlobalSession open(SessionContext context, DatatableSeed datatables) {
    return new GlobalSession(
        GlobalPrompt.render(context.systemPrompt(systemPrompt), initial),
        initial,
        validator,
        context.datatables().attempt(datatables));
  }

  /**
   * The workspace of {@code global-drafts.json} laid over the initial one, the datatables seeded as
   * the attempt left them.
   */
  @Override
  public Session restore(Path attemptFolder, SessionContext context) throws IOException {
    Path tables = attemptFolder.resolve(GlobalSession.DATATABLES);
    DatatableSeed left =
        Files.isRegularFile(tables)
            ? DatatableSeed.parse(Mappers.json().readTree(tables.toFile()))
            : seed;
    GlobalSession session = open(context, left);
    Path saved = attemptFolder.resolve(GlobalSession.ARTIFACT);
    try {
      if (Files.isRegularFile(saved)) {
        session.workspace().restore(Mappers.json().readTree(saved.toFile()));
      }
    } catch (IOException | RuntimeException e) {
      session.close();
      throw e;
    }
    return session;
  }

  @Override
  public List<ToolCall> referenceSolution() {
    return expected == null ? List.of() : GlobalReference.of(initial, expected);
  }

  @Override
  public boolean hasReference() {
    return expected != null;
  }

  @Override
  public boolean referenceIsComplete() {
    return expected != null;
  }

  @Override
  public List<Mutant> mutants() {
    return expected == null ? List.of() : GlobalMutants.of(initial, expected);
  }

  @Override
  public JsonNode initialState() {
    Workspace start = new Workspace(initial);
    return start
        .toJson()
        .set(
            "deployedAtStart",
            Mappers.json()
                .valueToTree(initial.deployed().stream().map(item -> item.toJson(false)).toList()));
  }

  @Override
  public JsonNode expectedState() {
    return expected == null ? null : expected.toJson();
  }
}
