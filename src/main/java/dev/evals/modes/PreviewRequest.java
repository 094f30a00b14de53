package dev.evals.modes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.cases.PreviewExpect;
import java.util.List;

/**
 * A smoke run of what the model built, on a Windmill server: a {@link ScriptPreview} or a {@link
 * FlowPreview}. What every preview has is its {@link PreviewJob}.
 */
public sealed interface PreviewRequest permits ScriptPreview, FlowPreview {

  /** The job's case, arguments, seeds, timeout and expectation. */
  PreviewJob job();

  /** {@code script} or {@code flow}, as {@code backend-preview.json} names it. */
  String kind();

  /** This preview, failing when the job succeeds with a result {@code wanted} does not accept. */
  PreviewRequest withExpect(PreviewExpect wanted);

  default String caseId() {
    return job().caseId();
  }

  default JsonNode args() {
    return job().args();
  }

  default String argsSource() {
    return job().argsSource();
  }

  default List<JsonNode> seedScripts() {
    return job().seedScripts();
  }

  default List<JsonNode> seedFlows() {
    return job().seedFlows();
  }

  default Integer timeoutSeconds() {
    return job().timeoutSeconds();
  }

  default PreviewExpect expect() {
    return job().expect();
  }
}
