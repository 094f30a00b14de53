package dev.evals.modes.global;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.agent.Tool;
import dev.evals.datatable.AttemptDatatables;
import dev.evals.datatable.DatatableTools;
import dev.evals.modes.ArtifactSink;
import dev.evals.modes.Session;
import dev.evals.validate.Check;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One attempt of a global case: the workspace the tools act on. Its artifact is always there (a
 * read-only answer leaves no draft, which is an outcome too): {@code global-drafts.json}, and the
 * datatables as the attempt left them in {@code datatables.json}.
 */
final class GlobalSession implements Session {

  static final String ARTIFACT = "global-drafts.json";
  static final String DATATABLES = "datatables.json";

  private final String systemPrompt;
  private final InitialWorkspace initial;
  private final GlobalValidator validator;
  private final Workspace workspace;
  private final PathRules paths;
  private final List<Tool> tools;
  private final List<String> questions = new ArrayList<>();
  private final AttemptDatatables datatables;

  GlobalSession(
      String systemPrompt,
      InitialWorkspace initial,
      GlobalValidator validator,
      AttemptDatatables datatables) {
    this.datatables = datatables;
    this.systemPrompt = systemPrompt;
    this.initial = initial;
    this.validator = validator;
    this.workspace = new Workspace(initial);
    this.paths = new PathRules(initial);
    ToolCatalog catalog = new ToolCatalog(name -> {});
    new ItemTools(this).bindTo(catalog);
    new DraftWriters(this).bindTo(catalog);
    new AppDraftTools(this).bindTo(catalog);
    new OfflineTools(this).bindTo(catalog);
    List<Tool> all = new ArrayList<>(catalog.tools());
    all.addAll(DatatableTools.workspace(datatables));
    this.tools = List.copyOf(all);
  }

  @Override
  public String systemPrompt() {
    return systemPrompt;
  }

  @Override
  public List<Tool> tools() {
    return tools;
  }

  @Override
  public boolean hasArtifact() {
    return true;
  }

  @Override
  public List<Check> validate() {
    return validator.validate(workspace, datatables);
  }

  @Override
  public JsonNode artifact() {
    return workspace.toJson();
  }

  @Override
  public void writeArtifacts(ArtifactSink sink) throws IOException {
    sink.write(ARTIFACT, workspace.toJson().toPrettyString() + "\n");
    if (!datatables.names().isEmpty()) {
      sink.write(DATATABLES, datatables.snapshot().toJson().toPrettyString() + "\n");
    }
  }

  /** Drops the attempt's databases. */
  @Override
  public void close() {
    datatables.close();
  }

  Workspace workspace() {
    return workspace;
  }

  InitialWorkspace initial() {
    return initial;
  }

  PathRules paths() {
    return paths;
  }

  void asked(String question) {
    questions.add(question);
  }
}
