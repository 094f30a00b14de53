package dev.evals.report.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.evals.json.Mappers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Per-file diffs of what an attempt left against the case's {@code expected.json}, for every mode:
 * the state file of a draft mode (flow.json, script.json, app.json, global-drafts.json) with each
 * piece of code in it diffed as code of its own, and a cli workspace file by file (or the agent's
 * final answer). A pure function of the attempt folder; anything missing or unreadable gives no
 * diff.
 */
final class ArtifactDiffs {

  /** The state file each draft mode writes, and what its expected state is called. */
  private static final List<Map.Entry<String, String>> STATE_FILES =
      List.of(
          Map.entry("flow.json", "flow"),
          Map.entry("script.json", "script"),
          Map.entry("app.json", "app"),
          Map.entry("global-drafts.json", "drafts"));

  /**
   * One file of the attempt against the same file of the expected state.
   *
   * @param name the file, or the path of the code inside a state file
   * @param of what the expected side is ("flow", "app", "workspace", ...)
   * @param lines the diff from expected to actual
   */
  record FileDiff(String name, String of, List<LineDiff.Line> lines) {
    FileDiff {
      lines = List.copyOf(lines);
    }

    boolean identical() {
      return LineDiff.identical(lines);
    }

    /** The heading a report shows for it. */
    String title() {
      if (identical()) {
        return name + " is identical to the expected " + of;
      }
      if (lines.stream().allMatch(l -> l.kind() == '+')) {
        return name + " vs expected (not in the expected " + of + ")";
      }
      if (lines.stream().allMatch(l -> l.kind() == '-')) {
        return name + " vs expected (missing from the attempt)";
      }
      return name + " vs expected";
    }
  }

  private ArtifactDiffs() {}

  /** The diffs of one attempt folder, state file first, then its code in the order written. */
  static List<FileDiff> of(Path folder) {
    JsonNode expected = json(folder.resolve("expected.json"));
    if (expected == null || !expected.isObject()) {
      return List.of();
    }
    for (Map.Entry<String, String> state : STATE_FILES) {
      JsonNode actual = json(folder.resolve(state.getKey()));
      if (actual != null) {
        return stateDiffs(folder, state.getKey(), state.getValue(), expected, actual);
      }
    }
    return CliDiffs.of(folder, expected);
  }

  private static List<FileDiff> stateDiffs(
      Path folder, String file, String of, JsonNode expected, JsonNode actual) {
    String scriptFile = file.equals("script.json") ? scriptFile(folder) : null;
    JsonNode wanted = expected.deepCopy();
    if (scriptFile != null && !actual.has("path") && wanted instanceof ObjectNode object) {
      object.remove("path"); // the script's path comes with its fixture; no tool sets one
    }
    if (file.equals("global-drafts.json")) {
      GlobalDrafts.normalise(wanted);
      actual = GlobalDrafts.normalise(actual.deepCopy());
    }
    Flat want = Flat.of(wanted, actual, scriptFile);
    Flat got = Flat.of(actual, wanted, scriptFile);
    List<FileDiff> diffs = new ArrayList<>();
    add(diffs, file, of, want.rest(), got.rest());
    Set<String> names = new LinkedHashSet<>(want.code().keySet());
    names.addAll(got.code().keySet());
    for (String name : names) {
      add(diffs, name, of, want.code().get(name), got.code().get(name));
    }
    return diffs;
  }

  /** Adds the diff of two texts, either of which may be absent; none when either is too long. */
  static void add(List<FileDiff> diffs, String name, String of, String expected, String actual) {
    List<LineDiff.Line> lines = LineDiff.between(lines(expected), lines(actual));
    if (!lines.isEmpty()) {
      diffs.add(new FileDiff(name, of, lines));
    }
  }

  private static List<String> lines(String text) {
    return text == null ? List.of() : text.lines().toList();
  }

  /** The script's code file as the mode wrote it ({@code script.sh}), or {@code script}. */
  private static String scriptFile(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("script.") && !n.equals("script.json"))
          .sorted()
          .findFirst()
          .orElse("script");
    } catch (IOException e) {
      return "script";
    }
  }

  /**
   * A state flattened for diffing: every multi-line string (code, a prompt) taken out under the
   * path that leads to it, and the rest as indented JSON with a placeholder where the code was.
   * Array elements with an {@code id} or {@code path} are named by it, so steps pair by id and a
   * reordering does not misalign every later piece of code.
   */
  private record Flat(String rest, Map<String, String> code) {

    static Flat of(JsonNode state, JsonNode other, String scriptFile) {
      JsonNode copy = state.deepCopy();
      if (copy instanceof ObjectNode object) {
        dropEmptyAbsentFrom(object, other);
      }
      Map<String, String> code = new LinkedHashMap<>();
      take(copy, "", code, scriptFile);
      try {
        return new Flat(Mappers.json().writeValueAsString(copy), code);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    /** An empty list or object the other side does not have at all says nothing: dropped. */
    private static void dropEmptyAbsentFrom(ObjectNode object, JsonNode other) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getValue().isContainerNode()
            && field.getValue().isEmpty()
            && !other.has(field.getKey())) {
          fields.remove();
        }
      }
    }

    private static void take(JsonNode node, String path, Map<String, String> code, String script) {
      if (node instanceof ObjectNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
          JsonNode child = object.get(key);
          String at = join(path, key);
          if (child.isTextual() && child.asText().contains("\n")) {
            String name = script != null && at.equals("content") ? script : at;
            code.put(name, child.asText());
            object.set(key, TextNode.valueOf("<code: " + name + ">"));
          } else {
            take(child, at, code, script);
          }
        }
      } else if (node instanceof ArrayNode array) {
        for (int i = 0; i < array.size(); i++) {
          take(array.get(i), join(path, segment(array.get(i), i)), code, script);
        }
      }
    }

    private static String segment(JsonNode element, int index) {
      for (String key : List.of("id", "path")) {
        if (element.path(key).isTextual() && !element.path(key).asText().isBlank()) {
          return element.path(key).asText();
        }
      }
      return String.valueOf(index);
    }

    private static String join(String path, String key) {
      String joined = path.isEmpty() ? key : path + "/" + key;
      return joined.replaceAll("/{2,}", "/");
    }
  }

  static JsonNode json(Path file) {
    try {
      return Files.isRegularFile(file) ? Mappers.json().readTree(file.toFile()) : null;
    } catch (IOException e) {
      return null;
    }
  }

  static String text(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      return null;
    }
  }
}
