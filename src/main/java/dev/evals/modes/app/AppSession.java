package dev.evals.modes.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.agent.Tool;
import dev.evals.modes.ArtifactSink;
import dev.evals.modes.DraftSession;
import dev.evals.validate.Check;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One attempt's app draft and the tools that edit it. */
final class AppSession extends DraftSession<AppState> {

  private final AppValidator validator;
  private final List<String> toolsUsed = new ArrayList<>();

  AppSession(String systemPrompt, AppState initial, AppValidator validator) {
    super(systemPrompt, initial == null ? AppState.EMPTY : initial, "app.json");
    this.validator = validator;
  }

  @Override
  protected List<Tool> createTools() {
    return new AppTools(this).all();
  }

  @Override
  protected AppState readState(JsonNode json) {
    return AppState.fromJson(json);
  }

  @Override
  public List<Check> validate() {
    return validator.validate(current(), List.copyOf(toolsUsed));
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
