package dev.evals.modes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.cases.PreviewExpect;
import java.util.List;
import java.util.Objects;

/**
 * A preview of one flow, which may also create the flow at its path with schedules and triggers.
 *
 * @param value the flow's {@code value} (modules, failure_module, ...)
 * @param path where the preview also creates the flow itself, or null not to create it
 * @param schedules Windmill create-schedule bodies to create on the flow at {@code path}
 * @param triggers Windmill create-HTTP-trigger bodies to create on the flow at {@code path}
 */
public record FlowPreview(
    JsonNode value, PreviewJob job, String path, List<JsonNode> schedules, List<JsonNode> triggers)
    implements PreviewRequest {

  public FlowPreview {
    Objects.requireNonNull(value, "a flow preview needs a flow value");
    Objects.requireNonNull(job, "job");
    schedules = schedules == null ? List.of() : List.copyOf(schedules);
    triggers = triggers == null ? List.of() : List.copyOf(triggers);
    if (path == null && (!schedules.isEmpty() || !triggers.isEmpty())) {
      throw new IllegalArgumentException("schedules and triggers need the path of their flow");
    }
  }

  /** A preview that creates nothing besides its seeds: no flow at a path, no deployments. */
  public FlowPreview(JsonNode value, PreviewJob job) {
    this(value, job, null, null, null);
  }

  @Override
  public String kind() {
    return "flow";
  }

  /** This preview that also creates the flow at {@code at}, then these schedules and triggers. */
  public FlowPreview withDeployments(
      String at, List<JsonNode> newSchedules, List<JsonNode> newTriggers) {
    return new FlowPreview(value, job, at, newSchedules, newTriggers);
  }

  @Override
  public FlowPreview withExpect(PreviewExpect wanted) {
    return new FlowPreview(value, job.withExpect(wanted), path, schedules, triggers);
  }

  /** Whether the flow is to be created at its path with schedules or triggers attached. */
  public boolean deploys() {
    return path != null && (!schedules.isEmpty() || !triggers.isEmpty());
  }
}
