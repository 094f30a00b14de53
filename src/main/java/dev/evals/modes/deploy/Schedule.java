package dev.evals.modes.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A schedule the model asked for on the current flow or script.
 *
 * @param path the schedule's own Windmill path ({@code f/...} or {@code u/...})
 * @param schedule a cron expression with seconds (5-field ones are accepted as given)
 * @param timezone an IANA zone name, {@code UTC} unless given
 * @param args the inputs each run gets, an object
 * @param enabled whether the schedule runs
 * @param runnablePath the path of the flow or script it runs
 * @param isFlow whether it runs a flow rather than a script
 */
public record Schedule(
    String path,
    String schedule,
    String timezone,
    JsonNode args,
    boolean enabled,
    String runnablePath,
    boolean isFlow) {

  public Schedule {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(timezone, "timezone");
    args = args == null ? JsonNodeFactory.instance.objectNode() : args.deepCopy();
    Objects.requireNonNull(runnablePath, "runnablePath");
  }

  /** The body of Windmill's create-schedule request, in its field names. */
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("path", path);
    node.put("schedule", schedule);
    node.put("timezone", timezone);
    node.put("script_path", runnablePath);
    node.put("is_flow", isFlow);
    node.set("args", args.deepCopy());
    node.put("enabled", enabled);
    return node;
  }
}
