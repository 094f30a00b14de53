package dev.evals.modes.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import java.util.ArrayList;
import java.util.List;

/** Compact flow JSON for tests: single quotes stand for double quotes. */
final class FlowJson {

  static final String CODE = "export async function main(x: any) { return x; }";

  private FlowJson() {}

  static JsonNode json(String singleQuoted) {
    try {
      return Mappers.json().readTree(singleQuoted.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(singleQuoted, e);
    }
  }

  /** A flow with these inputs (all strings) and these steps. */
  static FlowState flow(List<String> inputs, String... steps) {
    StringBuilder properties = new StringBuilder();
    for (String input : inputs) {
      properties
          .append(properties.isEmpty() ? "" : ",")
          .append("'" + input + "': {'type': 'string'}");
    }
    String text =
        "{'summary': 's', 'value': {'modules': ["
            + String.join(",", steps)
            + "]}, 'schema': {'type': 'object', 'properties': {"
            + properties
            + "}}}";
    return FlowState.fromJson(json(text));
  }

  /** A rawscript step whose arguments are the given JavaScript expressions. */
  static String raw(String id, String... exprs) {
    List<String> transforms = new ArrayList<>();
    List<String> params = new ArrayList<>();
    for (int i = 0; i < exprs.length; i++) {
      transforms.add("'x" + i + "': {'type': 'javascript', 'expr': '" + exprs[i] + "'}");
      params.add("x" + i + ": any");
    }
    String code =
        exprs.length == 0
            ? CODE
            : "export async function main(" + String.join(", ", params) + ") { return x0; }";
    return "{'id': '"
        + id
        + "', 'value': {'type': 'rawscript', 'language': 'bun', 'content': '"
        + code
        + "', 'input_transforms': {"
        + String.join(",", transforms)
        + "}}}";
  }

  static String forLoop(String id, String iterator, String... steps) {
    return "{'id': '"
        + id
        + "', 'value': {'type': 'forloopflow', 'iterator': {'type': 'javascript', 'expr': '"
        + iterator
        + "'}, 'skip_failures': false, 'modules': ["
        + String.join(",", steps)
        + "]}}";
  }

  static String branchAll(String id, String[] first, String[] second) {
    return "{'id': '"
        + id
        + "', 'value': {'type': 'branchall', 'parallel': true, 'branches': [{'modules': ["
        + String.join(",", first)
        + "]}, {'modules': ["
        + String.join(",", second)
        + "]}]}}";
  }

  static String branchOne(String id, String expr, String[] branch, String[] otherwise) {
    return "{'id': '"
        + id
        + "', 'value': {'type': 'branchone', 'branches': [{'expr': '"
        + expr
        + "', 'modules': ["
        + String.join(",", branch)
        + "]}], 'default': ["
        + String.join(",", otherwise)
        + "]}}";
  }
}
