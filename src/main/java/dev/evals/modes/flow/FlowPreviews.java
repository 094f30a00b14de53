package dev.evals.modes.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.modes.FlowPreview;
import dev.evals.modes.PreviewJob;
import dev.evals.modes.PreviewRequest;
import java.util.Optional;

/**
 * Turns a flow session into backend preview requests: its flow, arguments and the case's workspace
 * catalog as seeds, so subflows and scripts the flow calls exist on Windmill.
 */
final class FlowPreviews {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private FlowPreviews() {}

  /**
   * The attempt's preview: the final flow with the case's arguments, created at its path with the
   * schedules and triggers the model asked for. Empty without {@code runtime.backendPreview} or
   * without an artifact.
   */
  static Optional<PreviewRequest> attempt(FlowSession session, PreviewSetup setup) {
    if (setup.casePreview() == null || !session.hasArtifact()) {
      return Optional.empty();
    }
    FlowPreview request =
        request(session, setup, setup.casePreview().args(), "case")
            .withDeployments(
                session.flowPath(),
                session.deployments().schedules().stream().map(s -> (JsonNode) s.toJson()).toList(),
                session.deployments().triggers().stream().map(t -> (JsonNode) t.toJson()).toList())
            .withExpect(setup.casePreview().expect());
    return Optional.of(request);
  }

  /** A {@code test_run_flow} preview of the current flow with the model's arguments. */
  static FlowPreview testRun(FlowSession session, PreviewSetup setup, JsonNode args) {
    return request(session, setup, args, "tool");
  }

  private static FlowPreview request(
      FlowSession session, PreviewSetup setup, JsonNode args, String argsSource) {
    WorkspaceCatalog catalog = session.workspace();
    return new FlowPreview(
        session.current().value(),
        new PreviewJob(
            setup.caseId(),
            args == null || !args.isObject() ? NODES.objectNode() : args,
            argsSource,
            catalog.scripts().stream().map(FlowPreviews::seed).toList(),
            catalog.flows().stream().map(FlowPreviews::seed).toList(),
            setup.timeoutSeconds(),
            null));
  }

  /** {path, summary, description, language, schema, content}, leaving out what is unknown. */
  static JsonNode seed(WorkspaceCatalog.Script script) {
    ObjectNode node = common(script);
    putIfPresent(node, "language", script.language());
    if (script.schema() != null) {
      node.set("schema", script.schema());
    }
    putIfPresent(node, "content", script.content());
    return node;
  }

  /** {path, summary, description, schema, value}, leaving out what is unknown. */
  static JsonNode seed(WorkspaceCatalog.Flow flow) {
    ObjectNode node = common(flow);
    if (flow.schema() != null) {
      node.set("schema", flow.schema());
    }
    if (flow.value() != null) {
      node.set("value", flow.value());
    }
    return node;
  }

  private static ObjectNode common(WorkspaceCatalog.Entry entry) {
    ObjectNode node = NODES.objectNode();
    putIfPresent(node, "path", entry.path());
    putIfPresent(node, "summary", entry.summary());
    putIfPresent(node, "description", entry.description());
    return node;
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
