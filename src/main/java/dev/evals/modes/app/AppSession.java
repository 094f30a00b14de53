package dev.evals.modes.app;

import dev.evals.agent.Tool;
import dev.evals.datatable.AttemptDatatables;
import dev.evals.modes.ArtifactSink;
import dev.evals.modes.DraftSession;
import dev.evals.modes.StateFile;
import dev.evals.validate.Check;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** One attempt's app draft and the tools that edit it. */
final class AppSession extends DraftSession<AppState> {

  private final AppValidator validator;
  private final List<String> toolsUsed = new ArrayList<>();
  private final AttemptDatatables datatables;
  private final UnaryOperator<String> userMessage;

  /**
   * @param datatables the attempt's own copy of the app's datatables, on PostgreSQL
   * @param userMessage the app editor's wording of the case's prompt
   */
  AppSession(
      String systemPrompt,
      AppState initial,
      AppValidator validator,
      AttemptDatatables datatables,
      UnaryOperator<String> userMessage) {
    super(
        systemPrompt,
        initial == null ? AppState.EMPTY : initial,
        new StateFile<>("app.json", AppState::fromJson));
    this.validator = validator;
    this.datatables = datatables;
    this.userMessage = userMessage;
  }

  @Override
  protected List<Tool> createTools() {
    return new AppTools(this).all(datatables);
  }

  /** The app, with its datatables as the attempt's SQL left them. */
  @Override
  protected AppState observed(AppState edited) {
    return datatables.touched() ? edited.withDatatables(datatables.schemas()) : edited;
  }

  @Override
  public String userMessage(String instructions) {
    return userMessage.apply(instructions);
  }

  @Override
  public void close() {
    datatables.close();
  }

  @Override
  public List<Check> validate() {
    List<Check> checks = new ArrayList<>(validator.validate(current(), List.copyOf(toolsUsed)));
    checks.addAll(validator.datatableQueries(datatables));
    return checks;
  }

  /**
   * Writes, besides {@code app.json}, the app in Windmill's fixture layout, so an artifact can be
   * loaded back as a fixture: {@code frontend/...}, {@code backend/<key>/main.ts|main.py} with
   * {@code meta.json}, and {@code datatables.json} when the app has datatables.
   */
  @Override
  protected void writeMoreArtifacts(ArtifactSink sink) throws IOException {
    AppState current = current();
    for (Map.Entry<String, String> file : current.frontend().entrySet()) {
      sink.write("frontend" + file.getKey(), file.getValue());
    }
    for (Map.Entry<String, BackendRunnable> entry : current.backend().entrySet()) {
      String folder = "backend/" + entry.getKey() + "/";
      sink.write(folder + entry.getValue().mainFileName(), entry.getValue().content());
      sink.write(folder + "meta.json", pretty(entry.getValue().meta()));
    }
    if (!current.datatables().isEmpty()) {
      sink.write("datatables.json", pretty(current.datatables()));
    }
  }

  void used(String tool) {
    toolsUsed.add(tool);
  }
}
