package dev.evals.backend;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a preview job ended.
 *
 * @param jobId the Windmill job id
 * @param success whether the job completed successfully
 * @param result its result (for a failed job, usually {@code {"error": {...}}}), or null
 * @param logs its logs, or null
 * @param timedOut whether it was still running at the deadline (and was cancelled)
 * @param problem what went wrong after the job ended (cancel or log fetch failed), or null
 */
record JobOutcome(
    String jobId, boolean success, JsonNode result, String logs, boolean timedOut, String problem) {

  /** The job's error message, as Windmill reports it in a failed job's result. */
  String errorMessage() {
    if (success) {
      return null;
    }
    if (result == null || result.isNull()) {
      return "the job failed without a result";
    }
    JsonNode error = result.path("error");
    if (error.path("message").isTextual()) {
      String name = error.path("name").asText("");
      String message = error.get("message").asText();
      return name.isEmpty() ? message : name + ": " + message;
    }
    return error.isMissingNode() ? result.toString() : error.toString();
  }
}
