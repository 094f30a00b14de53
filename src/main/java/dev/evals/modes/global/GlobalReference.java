package dev.evals.modes.global;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.json.Mappers;
import dev.evals.model.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tool calls that reach the expected outcome, as a careful assistant makes them: the lookups
 * first, then for each item read it when it already exists, write it with its type's tool, and
 * deploy it only when the case expects it deployed.
 */
final class GlobalReference {

  private final InitialWorkspace initial;
  private final List<ToolCall> calls = new ArrayList<>();

  private GlobalReference(InitialWorkspace initial) {
    this.initial = initial;
  }

  static List<ToolCall> of(InitialWorkspace initial, ExpectedOutcome expected) {
    GlobalReference reference = new GlobalReference(initial);
    expected.lookups().forEach(lookup -> reference.add(lookup.tool(), lookup.args()));
    expected.drafts().forEach(reference::write);
    for (Draft item : expected.deployed()) {
      reference.write(item);
      reference.add("deploy_workspace_item", locator(item));
    }
    return List.copyOf(reference.calls);
  }

  /** The calls, in order, as a list a mutant can extend. */
  static List<ToolCall> extended(List<ToolCall> calls, String tool, ObjectNode args) {
    List<ToolCall> more = new ArrayList<>(calls);
    more.add(call(more.size(), tool, args));
    return List.copyOf(more);
  }

  private void write(Draft item) {
    Draft existing = existing(item);
    if (existing != null && !item.type().equals("app")) {
      add("read_workspace_item", locator(item));
    }
    switch (item.type()) {
      case "script" -> add("write_script", script(item));
      case "flow" -> add("write_flow", flow(item));
      case "trigger" -> {
        ObjectNode args = JsonNodeFactory.instance.objectNode().put("kind", item.triggerKind());
        args.set("config", item.value());
        add("write_trigger", args);
      }
      case "app" -> writeApp(item, existing);
      default -> add("write_" + item.type(), (ObjectNode) item.value());
    }
  }

  private void writeApp(Draft app, Draft existing) {
    Map<String, String> before = existing == null ? Map.of() : AppDraftTools.files(existing);
    if (existing == null) {
      ObjectNode init = pathArgs(app).put("framework", "react19");
      if (app.summary() != null) {
        init.put("summary", app.summary());
      }
      add("init_app", init);
    }
    app.value()
        .path("files")
        .fields()
        .forEachRemaining(
            file -> {
              String content = file.getValue().asText();
              if (!Objects.equals(before.get(file.getKey()), content)) {
                if (before.containsKey(file.getKey())) {
                  add("read_app_file", pathArgs(app).put("file_path", file.getKey()));
                }
                add(
                    "write_app_file",
                    pathArgs(app).put("file_path", file.getKey()).put("content", content));
              }
            });
    JsonNode oldRunnables =
        existing == null
            ? JsonNodeFactory.instance.objectNode()
            : existing.value().path("runnables");
    app.value()
        .path("runnables")
        .fields()
        .forEachRemaining(
            runnable -> {
              if (!runnable.getValue().equals(oldRunnables.get(runnable.getKey()))) {
                ObjectNode args = pathArgs(app).put("key", runnable.getKey());
                args.set("runnable", runnable.getValue());
                add("write_app_runnable", args);
              }
            });
  }

  private Draft existing(Draft item) {
    return initial.liveDrafts().stream()
        .filter(d -> d.key().equals(item.key()))
        .findFirst()
        .or(() -> initial.deployed().stream().filter(d -> d.key().equals(item.key())).findFirst())
        .orElse(null);
  }

  private static ObjectNode script(Draft item) {
    ObjectNode args =
        pathArgs(item).put("language", item.language()).put("content", item.valueText());
    if (item.summary() != null) {
      args.put("summary", item.summary());
    }
    return args;
  }

  private static ObjectNode flow(Draft item) {
    ObjectNode args = pathArgs(item);
    if (item.summary() != null) {
      args.put("summary", item.summary());
    }
    JsonNode value = item.value().path("value");
    args.put("modules", json(value.path("modules")));
    for (String part : List.of("preprocessor_module", "failure_module")) {
      if (value.hasNonNull(part)) {
        args.put(part, json(value.get(part)));
      }
    }
    if (item.value().hasNonNull("schema")) {
      args.put("schema", json(item.value().get("schema")));
    }
    return args;
  }

  static ObjectNode locator(Draft item) {
    ObjectNode args =
        JsonNodeFactory.instance.objectNode().put("type", item.type()).put("path", item.path());
    if (item.triggerKind() != null) {
      args.put("trigger_kind", item.triggerKind());
    }
    return args;
  }

  private static ObjectNode pathArgs(Draft item) {
    return JsonNodeFactory.instance.objectNode().put("path", item.path());
  }

  private void add(String tool, ObjectNode args) {
    calls.add(call(calls.size(), tool, args));
  }

  private static ToolCall call(int index, String tool, ObjectNode args) {
    return new ToolCall("ref-" + (index + 1), tool, json(args));
  }

  private static String json(JsonNode node) {
    try {
      return Mappers.json().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write reference arguments", e);
    }
  }
}
