package dev.evals.modes.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.agent.FunctionTool;
import dev.evals.agent.Tool;
import dev.evals.agent.ToolReply;
import dev.evals.datatable.AttemptDatatables;
import dev.evals.datatable.DatatableTools;
import dev.evals.modes.InputSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The app mode's tools, bound to one session's app. Their names are a contract. */
final class AppTools {

  static final String LIST = "list_app_files";
  static final String GET = "get_app_file";
  static final String SET = "set_app_file";
  static final String DELETE = "delete_app_file";
  static final String SET_RUNNABLE = "set_backend_runnable";
  static final String DELETE_RUNNABLE = "delete_backend_runnable";

  private static final String PATH_INPUT =
      """
      {"type": "object",
       "properties": {"path": {"type": "string", "minLength": 1,
         "description": "Frontend path inside the app, e.g. /index.tsx or /components/List.tsx"}},
       "required": ["path"], "additionalProperties": false}
      """;
  private static final String SET_INPUT =
      """
      {"type": "object",
       "properties": {
         "path": {"type": "string", "minLength": 1,
           "description": "Frontend path inside the app, e.g. /index.tsx"},
         "content": {"type": "string", "description": "The file's complete new content"}},
       "required": ["path", "content"], "additionalProperties": false}
      """;
  private static final String KEY_INPUT =
      """
      {"type": "object",
       "properties": {"key": {"type": "string", "minLength": 1,
         "description": "The runnable key the frontend calls as backend.<key>(...)"}},
       "required": ["key"], "additionalProperties": false}
      """;
  private static final String RUNNABLE_INPUT =
      """
      {"type": "object",
       "properties": {
         "key": {"type": "string", "minLength": 1,
           "description": "Identifier the frontend calls as backend.<key>(...)"},
         "name": {"type": "string", "minLength": 1, "description": "What the runnable does"},
         "language": {"type": "string", "enum": ["bun", "python3"]},
         "content": {"type": "string",
           "description": "Complete code defining main; its parameters are the call's arguments"}},
       "required": ["key", "name", "language", "content"], "additionalProperties": false}
      """;

  private final AppSession session;

  AppTools(AppSession session) {
    this.session = session;
  }

  /** The app's own tools, then Windmill's datatable tools on the attempt's datatables. */
  List<Tool> all(AttemptDatatables datatables) {
    List<Tool> tools = new ArrayList<>(files());
    for (Tool datatable : DatatableTools.app(datatables)) {
      tools.add(tool(datatable.name(), datatable.spec().description(), datatable));
    }
    return List.copyOf(tools);
  }

  private Tool tool(String name, String description, Tool inner) {
    return new FunctionTool(
        inner.spec(),
        args -> {
          session.used(name);
          return inner.call(args);
        });
  }

  private List<Tool> files() {
    return List.of(
        tool(
            LIST,
            "Lists the app: frontend file paths, backend runnables (key, name, language) and"
                + " datatable tables.",
            InputSchemas.NONE,
            args -> ToolReply.ok(AppSession.pretty(listing(session.current())))),
        tool(
            GET,
            "Returns a frontend file's content; a path backend/<key> returns that runnable's"
                + " name, language and code.",
            PATH_INPUT,
            this::get),
        tool(
            SET,
            "Creates or replaces a frontend file with its complete content.",
            SET_INPUT,
            this::set),
        tool(DELETE, "Deletes a frontend file.", PATH_INPUT, this::delete),
        tool(
            SET_RUNNABLE,
            "Creates or replaces an inline backend runnable the frontend calls as"
                + " await backend.<key>(args).",
            RUNNABLE_INPUT,
            this::setRunnable),
        tool(DELETE_RUNNABLE, "Deletes a backend runnable.", KEY_INPUT, this::deleteRunnable));
  }

  private Tool tool(
      String name, String description, String schema, Function<JsonNode, ToolReply> body) {
    return FunctionTool.of(
        name,
        description,
        schema,
        args -> {
          session.used(name);
          return body.apply(args);
        });
  }

  static ObjectNode listing(AppState app) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    app.frontend().keySet().forEach(node.putArray("frontend")::add);
    ObjectNode backend = node.putObject("backend");
    app.backend()
        .forEach(
            (key, runnable) ->
                backend
                    .putObject(key)
                    .put("name", runnable.name())
                    .put("type", runnable.type())
                    .put("language", runnable.language()));
    node.set("datatables", app.datatables());
    return node;
  }

  private ToolReply get(JsonNode args) {
    String given = args.path("path").asText();
    String bare = given.startsWith("/") ? given.substring(1) : given;
    if (bare.startsWith(AppPaths.BACKEND_PREFIX)) {
      String key = bare.substring(AppPaths.BACKEND_PREFIX.length()).replaceFirst("/.*$", "");
      BackendRunnable runnable = session.current().backend().get(key);
      return runnable == null
          ? ToolReply.error(
              "No runnable '" + key + "'. Runnables: " + session.current().backend().keySet())
          : ToolReply.ok(AppSession.pretty(runnable.toJson()));
    }
    String path;
    try {
      path = AppPaths.frontend(given);
    } catch (IllegalArgumentException e) {
      return ToolReply.error("Cannot read: " + e.getMessage() + ".");
    }
    String content = session.current().frontend().get(path);
    return content == null ? ToolReply.error(unknownFile(path)) : ToolReply.ok(content);
  }

  private ToolReply set(JsonNode args) {
    String given = args.path("path").asText();
    String path;
    try {
      path = AppPaths.frontend(given);
    } catch (IllegalArgumentException e) {
      return ToolReply.error("The file was not written: " + e.getMessage() + ".");
    }
    if (path.substring(1).startsWith(AppPaths.BACKEND_PREFIX)) {
      return ToolReply.error(
          "The file was not written: backend code is not a frontend file; use "
              + SET_RUNNABLE
              + " for runnables.");
    }
    String content = args.path("content").asText();
    if (content.isBlank()) {
      return ToolReply.error(
          "The file was not written: the content is empty; use " + DELETE + " to remove a file.");
    }
    return saved(session.current().withFile(path, content), "Saved " + path + ".");
  }

  private ToolReply delete(JsonNode args) {
    String path;
    try {
      path = AppPaths.frontend(args.path("path").asText());
    } catch (IllegalArgumentException e) {
      return ToolReply.error("Nothing was deleted: " + e.getMessage() + ".");
    }
    if (!session.current().frontend().containsKey(path)) {
      return ToolReply.error("Nothing was deleted. " + unknownFile(path));
    }
    return saved(session.current().withoutFile(path), "Deleted " + path + ".");
  }

  private ToolReply setRunnable(JsonNode args) {
    String key = args.path("key").asText();
    if (!AppPaths.isKey(key)) {
      return ToolReply.error("The runnable was not saved: " + AppPaths.keyProblem(key));
    }
    String language = args.path("language").asText();
    if (!BackendRunnable.LANGUAGES.contains(language)) {
      return ToolReply.error(
          "The runnable was not saved: language must be bun or python3, not '" + language + "'.");
    }
    BackendRunnable runnable =
        BackendRunnable.inline(args.path("name").asText(), language, args.path("content").asText());
    return saved(session.current().withRunnable(key, runnable), "Saved runnable " + key + ".");
  }

  private ToolReply deleteRunnable(JsonNode args) {
    String key = args.path("key").asText();
    if (!session.current().backend().containsKey(key)) {
      return ToolReply.error(
          "Nothing was deleted: no runnable '"
              + key
              + "'. Runnables: "
              + session.current().backend().keySet());
    }
    return saved(session.current().withoutRunnable(key), "Deleted runnable " + key + ".");
  }

  /** Saves the edit and notes what is still wrong, so the model can fix it next. */
  private ToolReply saved(AppState app, String done) {
    session.replace(app);
    List<String> problems = AppValidator.problems(app);
    return ToolReply.ok(
        problems.isEmpty()
            ? done
            : done + " Still to fix in the app:\n- " + String.join("\n- ", problems));
  }

  private String unknownFile(String path) {
    return "No frontend file "
        + path
        + ". Files: "
        + session.current().frontend().keySet()
        + " (backend code: get_app_file with backend/<key>).";
  }
}
