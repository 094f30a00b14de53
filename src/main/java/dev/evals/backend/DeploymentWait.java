package dev.evals.backend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.model.Sleeper;

/** Polls a script's deployment status until its lock is computed, or it failed, or time is up. */
final class DeploymentWait {

  private final Sleeper sleeper;

  DeploymentWait(Sleeper sleeper) {
    this.sleeper = sleeper;
  }

  void untilDeployed(
      WindmillClient client, String base, String path, String hash, Deadline deadline)
      throws InterruptedException {
    PollSchedule schedule = new PollSchedule(sleeper);
    while (true) {
      JsonNode status = client.getJson(base + "/scripts/deployment_status/h/" + hash);
      String errors = status.path("lock_error_logs").asText("");
      if (!errors.isBlank()) {
        throw new WindmillApiException(
            "seeded script %s failed to deploy: %s".formatted(path, WindmillClient.excerpt(errors)),
            500,
            errors,
            null);
      }
      if (status.hasNonNull("lock")) {
        return;
      }
      if (deadline.passed()) {
        throw new WindmillApiException(
            "seeded script %s was still deploying when the preview timed out".formatted(path),
            504,
            "",
            null);
      }
      schedule.pause();
    }
  }
}
