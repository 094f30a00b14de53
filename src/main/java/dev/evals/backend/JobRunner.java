package dev.evals.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.model.Sleeper;
import dev.evals.modes.FlowPreview;
import dev.evals.modes.PreviewRequest;
import dev.evals.modes.ScriptPreview;

/**
 * Starts a script or flow preview, polls until it completes or the deadline passes (then cancels
 * it), and fetches the completed job for its logs.
 */
final class JobRunner {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Sleeper sleeper;

  JobRunner(Sleeper sleeper) {
    this.sleeper = sleeper;
  }

  /** Starts the preview and returns its job id. */
  String start(WindmillClient client, String workspace, PreviewRequest request) {
    ObjectNode body = NODES.objectNode();
    String endpoint;
    if (request instanceof ScriptPreview script) {
      endpoint = "/jobs/run/preview";
      body.put("content", script.content());
      body.put("language", script.language());
    } else {
      endpoint = "/jobs/run/preview_flow";
      body.set("value", ((FlowPreview) request).value());
    }
    body.set("args", request.args());
    return client.post("/w/" + workspace + endpoint, body).trim();
  }

  JobOutcome await(WindmillClient client, String workspace, String jobId, Deadline deadline)
      throws InterruptedException {
    String jobs = "/w/" + workspace + "/jobs_u";
    PollSchedule schedule = new PollSchedule(sleeper);
    while (true) {
      JsonNode maybe =
          client.getJson(jobs + "/completed/get_result_maybe/" + jobId + "?get_started=false");
      if (maybe.path("completed").asBoolean(false)) {
        return completed(client, jobs, jobId, maybe);
      }
      if (deadline.passed()) {
        return cancelled(client, jobs, jobId);
      }
      schedule.pause();
    }
  }

  private JobOutcome completed(WindmillClient client, String jobs, String jobId, JsonNode maybe) {
    boolean success = maybe.path("success").asBoolean(false);
    JsonNode result = maybe.get("result");
    try {
      JsonNode job = client.getJson(jobs + "/completed/get/" + jobId);
      String logs = job.path("logs").isTextual() ? job.get("logs").asText() : null;
      return new JobOutcome(jobId, success, result, logs, false, null);
    } catch (WindmillApiException e) {
      return new JobOutcome(jobId, success, result, null, false, "logs: " + e.getMessage());
    }
  }

  private JobOutcome cancelled(WindmillClient client, String jobs, String jobId) {
    String problem = null;
    ObjectNode reason = NODES.objectNode();
    reason.put("reason", "evals backend preview timed out");
    try {
      client.post(jobs + "/queue/cancel/" + jobId, reason);
    } catch (WindmillApiException e) {
      problem = "cancel: " + e.getMessage();
    }
    return new JobOutcome(jobId, false, null, null, true, problem);
  }
}
