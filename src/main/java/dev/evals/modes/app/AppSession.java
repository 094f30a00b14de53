package dev.evals.modes.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.agent.Tool;
import dev.evals.datatable.AttemptDatatables;
import dev.evals.json.Mappers;
import dev.evals.modes.ArtifactSink;
import dev.evals.modes.Session;
import dev.evals.validate.Check;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** One attempt's app draft and the tools that edit it. */
final class AppSession implements Session {

  private final String systemPrompt;
  private final AppState initial;
  private final AppValidator validator;
  private final List<Tool> tools;
  private final List<String> toolsUsed = new ArrayList<>();
  private final AttemptDatatables datatables;
  private final UnaryOperator<String> userMessage;
  private AppState current;
  private boolean edited;

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
    this.systemPrompt = systemPrompt;
    this.initial = initial;
    this.validator = validator;
    this.datatables = datatables;
    this.userMessage = userMessage;
    this.current = initial == null ? AppState.EMPTY : initial;
    this.tools = new AppTools(this).all(datatables);
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
  public String systemPrompt() {
    return systemPrompt;
  }

  @Override
  public List<Tool> tools() {
    return tools;
  }

  @Override
  public boolean hasArtifact() {
    return edited && !current.equals(initial == null ? AppState.EMPTY : initial);
  }

  @Override
  public List<Check> validate() {
    return validator.validate(current(), List.copyOf(toolsUsed));
  }

  @Override
  public JsonNode artifact() {
    return current().toJson();
  }

  /**
   * Writes {@code app.json} and the app in Windmill's fixture layout, so an artifact can be loaded
   * back as a fixture: {@code frontend/...}, {@code backend/<key>/main.ts|main.py} with {@code
   * meta.json}, and {@code datatables.json} when the app has datatables.
   */
  @Override
  public void writeArtifacts(ArtifactSink sink) throws IOException {
    AppState current = current();
    sink.write("app.json", pretty(current.toJson()));
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

  /** The app, with its datatables as the attempt's SQL left them. */
  AppState current() {
    return datatables.touched() ? current.withDatatables(datatables.schemas()) : current;
  }

  void replace(AppState app) {
    current = app;
    edited = true;
  }

  void used(String tool) {
    toolsUsed.add(tool);
  }

  static String pretty(JsonNode node) {
    try {
      return Mappers.json().writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
