package dev.evals.modes.global;

import dev.evals.agent.Tool;
import dev.evals.datatable.AttemptDatatables;
import dev.evals.datatable.DatatableSeed;
import dev.evals.datatable.DatatableTools;
import dev.evals.modes.ArtifactSink;
import dev.evals.modes.DraftSession;
import dev.evals.modes.StateFile;
import dev.evals.validate.Check;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One attempt of a global case: the workspace the tools act on, edited in place, and the attempt's
 * datatables. Its artifact files are {@code global-drafts.json} and the datatables as the attempt
 * left them in {@code datatables.json}. A case that asks for no change (a question, a refusal) is
 * answered in words, so it always has an artifact; any other case has one when the workspace or the
 * datatables differ from where they started.
 */
final class GlobalSession extends DraftSession<SimulatedWorkspace> {

  static final String ARTIFACT = "global-drafts.json";
  static final String DATATABLES = "datatables.json";

  private final InitialWorkspace initial;
  private final GlobalValidator validator;
  private final PathRules paths;
  private final DatatableSeed seed;
  private final AttemptDatatables datatables;

  /**
   * @param seed the case's datatables, where the attempt started
   * @param datatables the attempt's datatables: seeded from the case, or from what an earlier
   *     attempt left when it is restored
   */
  GlobalSession(
      String systemPrompt,
      InitialWorkspace initial,
      GlobalValidator validator,
      DatatableSeed seed,
      AttemptDatatables datatables) {
    super(
        systemPrompt,
        new SimulatedWorkspace(initial),
        new StateFile<>(ARTIFACT, json -> SimulatedWorkspace.restored(initial, json)));
    this.initial = initial;
    this.validator = validator;
    this.paths = new PathRules(initial);
    this.seed = seed;
    this.datatables = datatables;
  }

  @Override
  protected List<Tool> createTools() {
    ToolCatalog catalog = new ToolCatalog(name -> {});
    new ItemTools(this).bindTo(catalog);
    new DraftWriters(this).bindTo(catalog);
    new AppDraftTools(this).bindTo(catalog);
    new OfflineTools(this).bindTo(catalog);
    List<Tool> all = new ArrayList<>(catalog.tools());
    all.addAll(DatatableTools.workspace(datatables));
    return all;
  }

  @Override
  protected boolean asksForAChange() {
    return validator.asksForAChange();
  }

  /** The datatables as the attempt left them differ from the case's. */
  @Override
  protected boolean changedBesideTheState() {
    return !datatables.snapshot().equals(seed);
  }

  @Override
  public List<Check> validate() {
    return validator.validate(current(), datatables);
  }

  @Override
  protected void writeMoreArtifacts(ArtifactSink sink) throws IOException {
    if (!datatables.names().isEmpty()) {
      sink.write(DATATABLES, pretty(datatables.snapshot().toJson()));
    }
  }

  /** Drops the attempt's databases. */
  @Override
  public void close() {
    datatables.close();
  }

  SimulatedWorkspace workspace() {
    return current();
  }

  InitialWorkspace initial() {
    return initial;
  }

  PathRules paths() {
    return paths;
  }
}
