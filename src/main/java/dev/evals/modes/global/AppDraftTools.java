package dev.evals.modes.global;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.agent.ToolReply;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The raw app tools of the global assistant: an app is a draft whose value holds {@code files}
 * (frontend paths to content), {@code runnables} (backend keys to {@code {name, type,
 * inlineScript}}) and {@code data}. Reads page long files; search greps every file at once.
 */
final class AppDraftTools {

  static final int READ_LINES = 400;
  private static final String TEMPLATE =
      "import React from 'react'\n\nexport default function App() {\n  return <div>New app</div>\n}\n";

  private final GlobalSession session;

  AppDraftTools(GlobalSession session) {
    this.session = session;
  }

  void bindTo(ToolCatalog catalog) {
    catalog.bind("init_app", this::initApp);
    catalog.bind("read_app_file", this::read);
    catalog.bind("search_app", this::search);
    catalog.bind("write_app_file", this::writeFile);
    catalog.bind("write_app_runnable", this::writeRunnable);
  }

  private ToolReply initApp(JsonNode args) {
    String path = args.path("path").asText();
    if (session.workspace().current(Draft.key("app", path, null)).isPresent()) {
      return ToolReply.error("An app already exists at " + path + ".");
    }
    ObjectNode value = JsonNodeFactory.instance.objectNode();
    value.putObject("files").put("/index.tsx", TEMPLATE);
    value.putObject("runnables");
    String summary = args.hasNonNull("summary") ? args.get("summary").asText() : null;
    return save(new Draft("app", path, null, summary, null, value), "Initialized app " + path);
  }

  private ToolReply read(JsonNode args) {
    Draft app = app(args);
    if (app == null) {
      return noApp(args);
    }
    String file = args.path("file_path").asText();
    String content = files(app).get(normalized(file));
    if (content == null) {
      return ToolReply.error("No file " + file + " in the app. Files: " + files(app).keySet());
    }
    String[] lines = content.split("\n", -1);
    int from = Math.max(1, args.path("offset").asInt(1));
    int to = Math.min(lines.length, from - 1 + args.path("limit").asInt(READ_LINES));
    StringBuilder shown = new StringBuilder();
    for (int line = from; line <= to; line++) {
      shown.append(lines[line - 1]).append('\n');
    }
    if (to < lines.length) {
      shown
          .append("[lines ")
          .append(from)
          .append('-')
          .append(to)
          .append(" of ")
          .append(lines.length)
          .append("; pass offset ")
          .append(to + 1)
          .append(" for more]\n");
    }
    return ToolReply.ok(shown.toString());
  }

  private ToolReply search(JsonNode args) {
    Draft app = app(args);
    if (app == null) {
      return noApp(args);
    }
    String query = args.path("query").asText().toLowerCase(Locale.ROOT);
    Pattern glob = args.hasNonNull("file_glob") ? glob(args.get("file_glob").asText()) : null;
    int max = Math.min(200, args.path("max_matches").asInt(100));
    List<String> rows = new ArrayList<>();
    for (Map.Entry<String, String> file : files(app).entrySet()) {
      if (glob != null && !glob.matcher(file.getKey()).matches()) {
        continue;
      }
      String[] lines = file.getValue().split("\n", -1);
      for (int i = 0; i < lines.length && rows.size() < max; i++) {
        if (lines[i].toLowerCase(Locale.ROOT).contains(query)) {
          rows.add(file.getKey() + ":" + (i + 1) + ": " + lines[i].strip());
        }
      }
    }
    return ToolReply.ok(rows.isEmpty() ? "No matches." : String.join("\n", rows));
  }

  private ToolReply writeFile(JsonNode args) {
    Draft app = app(args);
    String file = args.path("file_path").asText();
    if (app == null) {
      return noApp(args);
    }
    if (!file.startsWith("/") || file.contains("..")) {
      return ToolReply.error("file_path must start with / and stay inside the app: " + file);
    }
    ObjectNode value = (ObjectNode) app.value().deepCopy();
    value.with("files").put(file, args.path("content").asText());
    return save(app.withValue(value), "Saved " + file + " in app " + app.path());
  }

  private ToolReply writeRunnable(JsonNode args) {
    Draft app = app(args);
    if (app == null) {
      return noApp(args);
    }
    String key = args.path("key").asText();
    if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      return ToolReply.error("The runnable key must be an identifier, not '" + key + "'.");
    }
    ObjectNode value = (ObjectNode) app.value().deepCopy();
    value.with("runnables").set(key, args.get("runnable").deepCopy());
    return save(app.withValue(value), "Saved runnable " + key + " in app " + app.path());
  }

  private ToolReply save(Draft app, String done) {
    String problem = session.paths().problem(app.path(), session.workspace().createdFolders());
    if (problem != null) {
      return ToolReply.error("The app draft was not saved: " + problem);
    }
    session.workspace().write(app);
    return ToolReply.ok(done + ". It is an AI draft only: nothing was deployed.");
  }

  private Draft app(JsonNode args) {
    return session
        .workspace()
        .current(Draft.key("app", args.path("path").asText(), null))
        .orElse(null);
  }

  private static ToolReply noApp(JsonNode args) {
    return ToolReply.error("No app at " + args.path("path").asText() + "; init_app creates one.");
  }

  /** Every file of the app by path: frontend files, then {@code backend/<key>/main.ts|py}. */
  static Map<String, String> files(Draft app) {
    Map<String, String> files = new TreeMap<>();
    app.value()
        .path("files")
        .fields()
        .forEachRemaining(file -> files.put(file.getKey(), file.getValue().asText()));
    Iterator<Map.Entry<String, JsonNode>> runnables = app.value().path("runnables").fields();
    while (runnables.hasNext()) {
      Map.Entry<String, JsonNode> runnable = runnables.next();
      JsonNode inline = runnable.getValue().path("inlineScript");
      if (inline.isObject()) {
        String ext = "python3".equals(inline.path("language").asText()) ? "py" : "ts";
        files.put("backend/" + runnable.getKey() + "/main." + ext, inline.path("content").asText());
      }
    }
    return files;
  }

  private static String normalized(String file) {
    return file.startsWith("/backend/") ? file.substring(1) : file;
  }

  private static Pattern glob(String glob) {
    String regex =
        Pattern.quote(glob)
            .replace("**", "\u0000")
            .replace("*", "\\E[^/]*\\Q")
            .replace("?", "\\E.\\Q")
            .replace("\u0000", "\\E.*\\Q");
    return Pattern.compile(glob.contains("/") ? "/?" + regex : "(?:.*/)?" + regex);
  }
}
