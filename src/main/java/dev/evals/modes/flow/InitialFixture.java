package dev.evals.modes.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;

/**
 * A flow case's starting point: either a bare flow state, or {@code {flow?, workspace}}. Either
 * flow may carry its Windmill {@code path}, as Windmill's fixtures do.
 *
 * @param path the flow's Windmill path, or null when the fixture names none
 * @param flow the flow to modify, or null when the model starts from an empty flow
 * @param workspace the scripts and flows available for reuse
 */
record InitialFixture(String path, FlowState flow, WorkspaceCatalog workspace) {

  static final InitialFixture NONE = new InitialFixture(null, null, WorkspaceCatalog.EMPTY);

  InitialFixture {
    workspace = workspace == null ? WorkspaceCatalog.EMPTY : workspace;
  }

  /** Reads a fixture; a malformed one is an {@link IllegalArgumentException} saying why. */
  static InitialFixture read(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("an initial flow fixture must be a JSON object");
    }
    if (!node.has("workspace") && !node.has("flow")) {
      return new InitialFixture(path(node), FlowState.fromJson(node), WorkspaceCatalog.EMPTY);
    }
    JsonNode flow = node.get("flow");
    JsonNode workspace = node.get("workspace");
    try {
      return new InitialFixture(
          flow == null ? null : path(flow),
          flow == null || flow.isNull() ? null : FlowState.fromJson(flow),
          workspace == null || workspace.isNull()
              ? WorkspaceCatalog.EMPTY
              : Mappers.json().treeToValue(workspace, WorkspaceCatalog.class));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("workspace is malformed: " + e.getOriginalMessage());
    }
  }

  private static String path(JsonNode flow) {
    JsonNode path = flow.get("path");
    return path != null && path.isTextual() && !path.asText().isBlank() ? path.asText() : null;
  }
}
