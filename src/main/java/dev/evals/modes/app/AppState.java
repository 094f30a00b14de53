package dev.evals.modes.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.modes.DraftState;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Windmill raw app: frontend files by path ({@code /index.tsx}), backend runnables by key, and
 * the datatables the runnables may query. Immutable; edits return a new state.
 *
 * @param frontend file contents keyed by app path, each starting with {@code /}
 * @param backend runnables keyed by the name the frontend calls
 * @param datatables Windmill's datatable schemas ({@code [{datatable_name, schemas}]})
 */
public record AppState(
    SortedMap<String, String> frontend,
    SortedMap<String, BackendRunnable> backend,
    ArrayNode datatables)
    implements DraftState {

  /** Entry files the bundler accepts, most usual first. */
  public static final List<String> ENTRY_PATHS =
      List.of("/index.tsx", "/index.ts", "/index.jsx", "/index.js");

  public static final AppState EMPTY =
      new AppState(new TreeMap<>(), new TreeMap<>(), JsonNodeFactory.instance.arrayNode());

  public AppState {
    frontend = Collections.unmodifiableSortedMap(new TreeMap<>(frontend));
    backend = Collections.unmodifiableSortedMap(new TreeMap<>(backend));
    datatables = datatables == null ? JsonNodeFactory.instance.arrayNode() : datatables.deepCopy();
  }

  public AppState withFile(String path, String content) {
    TreeMap<String, String> files = new TreeMap<>(frontend);
    files.put(path, content);
    return new AppState(files, backend, datatables);
  }

  public AppState withoutFile(String path) {
    TreeMap<String, String> files = new TreeMap<>(frontend);
    files.remove(path);
    return new AppState(files, backend, datatables);
  }

  public AppState withRunnable(String key, BackendRunnable runnable) {
    TreeMap<String, BackendRunnable> runnables = new TreeMap<>(backend);
    runnables.put(key, runnable);
    return new AppState(frontend, runnables, datatables);
  }

  public AppState withoutRunnable(String key) {
    TreeMap<String, BackendRunnable> runnables = new TreeMap<>(backend);
    runnables.remove(key);
    return new AppState(frontend, runnables, datatables);
  }

  /** This app with other datatables (as an attempt's SQL left them). */
  public AppState withDatatables(ArrayNode tables) {
    return new AppState(frontend, backend, tables);
  }

  /** The entry file's path, when the app has one. */
  public Optional<String> entryPath() {
    return ENTRY_PATHS.stream().filter(frontend::containsKey).findFirst();
  }

  /** Reads {@code app.json} back, as {@link #toJson()} wrote it. */
  public static AppState fromJson(JsonNode node) {
    TreeMap<String, String> files = new TreeMap<>();
    node.path("frontend")
        .fields()
        .forEachRemaining(f -> files.put(f.getKey(), f.getValue().asText()));
    TreeMap<String, BackendRunnable> runnables = new TreeMap<>();
    node.path("backend")
        .fields()
        .forEachRemaining(r -> runnables.put(r.getKey(), BackendRunnable.fromJson(r.getValue())));
    JsonNode tables = node.path("datatables");
    return new AppState(files, runnables, tables.isArray() ? (ArrayNode) tables : null);
  }

  /** The app as {@code app.json}: {@code {frontend, backend, datatables}}. */
  @Override
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    ObjectNode files = node.putObject("frontend");
    frontend.forEach(files::put);
    ObjectNode runnables = node.putObject("backend");
    backend.forEach((key, runnable) -> runnables.set(key, runnable.toJson()));
    node.set("datatables", datatables.deepCopy());
    return node;
  }
}
