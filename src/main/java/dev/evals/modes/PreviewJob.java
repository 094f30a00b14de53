package dev.evals.modes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.evals.cases.PreviewExpect;
import java.util.List;
import java.util.Objects;

/**
 * What every preview has, whatever it runs.
 *
 * @param caseId the case, used to name an isolated workspace
 * @param args the job arguments
 * @param argsSource where the arguments came from ({@code case}, {@code artifact}, {@code tool})
 * @param seedScripts workspace scripts to create first: {path, summary, description, language,
 *     schema, content}
 * @param seedFlows workspace flows to create first: {path, summary, description, schema, value}
 * @param timeoutSeconds how long to wait for the job, or null for the run's default
 * @param expect what the job must return, or null when succeeding is enough; only the attempt's own
 *     preview carries it, never a test run the model asks for, so the model never sees it
 */
public record PreviewJob(
    String caseId,
    JsonNode args,
    String argsSource,
    List<JsonNode> seedScripts,
    List<JsonNode> seedFlows,
    Integer timeoutSeconds,
    PreviewExpect expect) {

  public PreviewJob {
    Objects.requireNonNull(caseId, "caseId");
    args = args == null ? JsonNodeFactory.instance.objectNode() : args;
    seedScripts = seedScripts == null ? List.of() : List.copyOf(seedScripts);
    seedFlows = seedFlows == null ? List.of() : List.copyOf(seedFlows);
  }

  /** A job with nothing to seed and nothing expected beyond succeeding. */
  public PreviewJob(String caseId, JsonNode args, String argsSource, Integer timeoutSeconds) {
    this(caseId, args, argsSource, List.of(), List.of(), timeoutSeconds, null);
  }

  /** This job, failing when it succeeds with a result {@code wanted} does not accept. */
  public PreviewJob withExpect(PreviewExpect wanted) {
    return new PreviewJob(caseId, args, argsSource, seedScripts, seedFlows, timeoutSeconds, wanted);
  }
}
