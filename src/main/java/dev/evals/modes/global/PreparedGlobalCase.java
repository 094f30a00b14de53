package dev.evals.modes.global;

import dev.evals.cases.CaseDefinition;
import dev.evals.datatable.DatatableSeed;
import dev.evals.json.Mappers;
import dev.evals.model.ToolCall;
import dev.evals.modes.DraftCase;
import dev.evals.modes.Mutant;
import dev.evals.modes.SessionContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A global case with its workspace fixture, expected outcome and rules read. */
final class PreparedGlobalCase extends DraftCase<InitialWorkspace, ExpectedOutcome, GlobalSession> {

  private final GlobalValidator validator;
  private final DatatableSeed seed;

  /**
   * @param initial the initial workspace, {@link InitialWorkspace#EMPTY} when the case has none
   */
  PreparedGlobalCase(
      CaseDefinition definition,
      String systemPrompt,
      InitialWorkspace initial,
      ExpectedOutcome expected,
      GlobalRules rules,
      DatatableSeed seed) {
    super(definition, systemPrompt, initial, expected);
    this.seed = seed;
    this.validator = new GlobalValidator(rules);
  }

  @Override
  protected GlobalSession newSession(String prompt, SessionContext context) {
    return open(prompt, context, seed);
  }

  /** The datatables seeded as the attempt left them in {@code datatables.json}. */
  @Override
  protected GlobalSession restoredSession(String prompt, SessionContext context, Path attemptFolder)
      throws IOException {
    Path tables = attemptFolder.resolve(GlobalSession.DATATABLES);
    DatatableSeed left =
        Files.isRegularFile(tables)
            ? DatatableSeed.parse(Mappers.json().readTree(tables.toFile()))
            : seed;
    return open(prompt, context, left);
  }

  private GlobalSession open(String prompt, SessionContext context, DatatableSeed tables) {
    return new GlobalSession(
        GlobalPrompt.render(prompt, initial()),
        initial(),
        validator,
        seed,
        context.datatables().attempt(tables));
  }

  @Override
  protected List<ToolCall> referenceCalls(ExpectedOutcome expected) {
    return GlobalReference.of(initial(), expected);
  }

  @Override
  public boolean hasReference() {
    return expected() != null;
  }

  @Override
  public boolean referenceIsComplete() {
    return expected() != null;
  }

  @Override
  public List<Mutant> mutants() {
    return expected() == null ? List.of() : GlobalMutants.of(initial(), expected());
  }
}
