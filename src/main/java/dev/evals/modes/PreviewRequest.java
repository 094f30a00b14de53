package dev.evals.modes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.evals.cases.PreviewExpect;
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
 * @param flowPath where a flow preview also creates the flow itself, or null not to create it
 * @param schedules Windmill create-schedule bodies to create on the flow at {@code flowPath}
 * @param triggers Windmill create-HTTP-trigger bodies to create on the flow at {@code flowPath}
 * @param expect what the job must return, or null when succeeding is enough; only the attempt's own
 *     preview carries it, never a test run the model asks for, so the model never sees it
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
    Integer timeoutSeconds,
    String flowPath,
    List<JsonNode> schedules,
    List<JsonNode> triggers,
    PreviewExpect expect) {

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
    schedules = schedules == null ? List.of() : List.copyOf(schedules);
    triggers = triggers == null ? List.of() : List.copyOf(triggers);
    if (kind == Kind.SCRIPT && (language == null || content == null)) {
      throw new IllegalArgumentException("a script preview needs a language and content");
    }
    if (kind == Kind.FLOW && flowValue == null) {
      throw new IllegalArgumentException("a flow preview needs a flow value");
    }
    if (flowPath == null && (!schedules.isEmpty() || !triggers.isEmpty())) {
      throw new IllegalArgumentException("schedules and triggers need the path of their flow");
    }
    if (flowPath != null && kind != Kind.FLOW) {
      throw new IllegalArgumentException("only a flow preview creates a flow at a path");
    }
  }

  /** A preview that creates nothing besides its seeds: no flow at a path, no deployments. */
  public PreviewRequest(
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
    this(
        caseId,
        kind,
        language,
        content,
        flowValue,
        args,
        argsSource,
        seedScripts,
        seedFlows,
        timeoutSeconds,
        null,
        null,
        null,
        null);
  }

  /** This preview that also creates the flow at {@code path}, then these schedules and triggers. */
  public PreviewRequest withDeployments(
      String path, List<JsonNode> newSchedules, List<JsonNode> newTriggers) {
    return new PreviewRequest(
        caseId,
        kind,
        language,
        content,
        flowValue,
        args,
        argsSource,
        seedScripts,
        seedFlows,
        timeoutSeconds,
        path,
        newSchedules,
        newTriggers,
        expect);
  }

  /** This preview, failing when the job succeeds with a result {@code wanted} does not accept. */
  public PreviewRequest withExpect(PreviewExpect wanted) {
    return new PreviewRequest(
        caseId,
        kind,
        language,
        content,
        flowValue,
        args,
        argsSource,
        seedScripts,
        seedFlows,
        timeoutSeconds,
        flowPath,
        schedules,
        triggers,
        wanted);
  }

  /** Whether the flow is to be created at its path with schedules or triggers attached. */
  public boolean deploys() {
    return flowPath != null && (!schedules.isEmpty() || !triggers.isEmpty());
  }
}
