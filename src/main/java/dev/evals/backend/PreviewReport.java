package dev.evals.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.json.Mappers;
import dev.evals.modes.PreviewRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Collects what one preview did and writes it as {@code backend-preview.json}, redacted. */
final class PreviewReport {

  private final String baseUrl;
  private final String workspace;
  private final String mode;
  private final PreviewRequest request;
  private final List<SeededAsset> seeded = new ArrayList<>();
  private String jobId;
  private JobOutcome job;

  PreviewReport(String baseUrl, String workspace, String mode, PreviewRequest request) {
    this.baseUrl = baseUrl;
    this.workspace = workspace;
    this.mode = mode;
    this.request = request;
  }

  void seeded(List<SeededAsset> assets) {
    seeded.addAll(assets);
  }

  List<SeededAsset> seeded() {
    return List.copyOf(seeded);
  }

  void jobId(String id) {
    this.jobId = id;
  }

  void job(JobOutcome outcome) {
    this.job = outcome;
  }

  /** The report as JSON with every secret masked. */
  JsonNode toJson(
      Boolean success, String error, Duration took, List<CleanupLog.Step> cleanup, Redaction mask) {
    ObjectMapper mapper = Mappers.json();
    ObjectNode node = mapper.createObjectNode();
    node.put("baseUrl", baseUrl);
    node.put("workspace", workspace);
    node.put("mode", mode);
    node.put("kind", request.kind());
    node.put("caseId", request.caseId());
    node.put("argsSource", request.argsSource());
    if (request.expect() != null) {
      node.set("expect", mapper.valueToTree(request.expect()));
    }
    node.set("seeded", mapper.valueToTree(seeded));
    node.put("jobId", jobId);
    node.put("success", success);
    node.put("timedOut", job != null && job.timedOut());
    node.set("result", job == null ? null : Excerpts.result(job.result()));
    node.put("logs", job == null ? null : Excerpts.logs(job.logs()));
    node.put("durationMs", took.toMillis());
    node.put("error", error);
    node.put("problem", job == null ? null : job.problem());
    ArrayNode steps = node.putArray("cleanup");
    cleanup.forEach(step -> steps.add(mapper.valueToTree(step)));
    try {
      return mapper.readTree(mask.apply(mapper.writeValueAsString(node)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
