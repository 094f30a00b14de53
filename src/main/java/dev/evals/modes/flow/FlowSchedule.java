package dev.evals.modes.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A schedule the model asked for on the current flow.
 *
 * @param path the schedule's own Windmill path ({@code f/...} or {@code u/...})
 * @param schedule a cron expression with seconds (5-field ones are accepted as given)
 * @param timezone an IANA zone name, {@code UTC} unless given
 * @param args the flow inputs each run gets, an object
 * @param enabled whether the schedule runs
 * @param flowPath the path of the flow it runs
 */
public record FlowSchedule(
    String path,
    String schedule,
    String timezone,
    JsonNode args,
    boolean enabled,
    String flowPath) {

  public FlowSchedule {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(timezone, "timezone");
    args = args == null ? JsonNodeFactory.instance.objectNode() : args.deepCopy();
    Objects.requireNonNull(flowPath, "flowPath");
  }

  /** The body of Windmill's create-schedule request, in its field names. */
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("path", path);
    node.put("schedule", schedule);
    node.put("timezone", timezone);
    node.put("script_path", flowPath);
    node.put("is_flow", true);
    node.set("args", args.deepCopy());
    node.put("enabled", enabled);
    return node;
  }
}
