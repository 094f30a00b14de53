package dev.evals.modes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Objects;

/**
 * A smoke run of what the model built, on a Windmill server.
 *
 * @param caseId the case, used to name an isolated workspace
 * @param kind a script or a flow
 * @param language the script's Windmill language ({@code bun}, {@code python3}, ...), or null
 * @param content the script's code, or null for a flow
 * @param flowValue the flow's {@code value} (modules, failure_module, ...), or null for a script
 * @param args the job arguments
 * @param argsSource where the arguments came from ({@code case}, {@code artifact}, {@code tool})
 * @param seedScripts workspace scripts to create first: {path, summary, description, language,
 *     schema, content}
 * @param seedFlows workspace flows to create first: {path, summary, description, schema, value}
 * @param timeoutSeconds how long to wait for the job, or null for the run's default
 */
public record PreviewRequest(
    String caseId,
    Kind kind,
    String language,
    String content,
    JsonNode flowValue,
    JsonNode args,
    String argsSource,
    List<JsonNode> seedScripts,
    List<JsonNode> seedFlows,
    Integer timeoutSeconds) {

  /** What is previewed. */
  public enum Kind {
    SCRIPT,
    FLOW
  }

  public PreviewRequest {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(kind, "kind");
    args = args == null ? JsonNodeFactory.instance.objectNode() : args;
    seedScripts = seedScripts == null ? List.of() : List.copyOf(seedScripts);
    seedFlows = seedFlows == null ? List.of() : List.copyOf(seedFlows);
    if (kind == Kind.SCRIPT && (language == null || content == null)) {
      throw new IllegalArgumentException("a script preview needs a language and content");
    }
    if (kind == Kind.FLOW && flowValue == null) {
      throw new IllegalArgumentException("a flow preview needs a flow value");
    }
  }
}
