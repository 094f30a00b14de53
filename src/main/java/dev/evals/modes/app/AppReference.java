package dev.evals.modes.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.model.ToolCall;
import dev.evals.modes.ReferenceCalls;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tool calls that turn the initial app into the expected one: look at the app, read every
 * existing file and runnable it is about to change or remove, write the runnables first (so no
 * frontend call is ever left dangling), then the frontend files, then remove what the expected app
 * no longer has.
 */
final class AppReference {

  private final ReferenceCalls calls = new ReferenceCalls();

  private AppReference() {}

  static List<ToolCall> of(AppState initial, AppState expected) {
    AppState start = initial == null ? AppState.EMPTY : initial;
    AppReference solution = new AppReference();
    solution.add(AppTools.LIST, JsonNodeFactory.instance.objectNode());
    solution.readChanged(start, expected);
    for (Map.Entry<String, BackendRunnable> entry : expected.backend().entrySet()) {
      BackendRunnable runnable = entry.getValue();
      if (!runnable.equals(start.backend().get(entry.getKey()))) {
        solution.add(
            AppTools.SET_RUNNABLE,
            JsonNodeFactory.instance
                .objectNode()
                .put("key", entry.getKey())
                .put("name", runnable.name())
                .put("language", runnable.language())
                .put("content", runnable.content()));
      }
    }
    for (Map.Entry<String, String> file : expected.frontend().entrySet()) {
      if (!Objects.equals(file.getValue(), start.frontend().get(file.getKey()))) {
        solution.add(
            AppTools.SET,
            JsonNodeFactory.instance
                .objectNode()
                .put("path", file.getKey())
                .put("content", file.getValue()));
      }
    }
    for (String path : start.frontend().keySet()) {
      if (!expected.frontend().containsKey(path)) {
        solution.add(AppTools.DELETE, JsonNodeFactory.instance.objectNode().put("path", path));
      }
    }
    for (String key : start.backend().keySet()) {
      if (!expected.backend().containsKey(key)) {
        solution.add(
            AppTools.DELETE_RUNNABLE, JsonNodeFactory.instance.objectNode().put("key", key));
      }
    }
    return solution.calls.calls();
  }

  private void readChanged(AppState start, AppState expected) {
    start.backend().entrySet().stream()
        .filter(entry -> !entry.getValue().equals(expected.backend().get(entry.getKey())))
        .forEach(entry -> read(AppPaths.BACKEND_PREFIX + entry.getKey()));
    start.frontend().entrySet().stream()
        .filter(entry -> !entry.getValue().equals(expected.frontend().get(entry.getKey())))
        .forEach(entry -> read(entry.getKey()));
  }

  private void read(String path) {
    add(AppTools.GET, JsonNodeFactory.instance.objectNode().put("path", path));
  }

  private void add(String tool, ObjectNode arguments) {
    calls.add(tool, arguments);
  }
}
