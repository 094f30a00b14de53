package dev.evals.modes.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.evals.agent.FunctionTool;
import dev.evals.agent.Tool;
import dev.evals.agent.ToolReply;
import dev.evals.json.Mappers;
import dev.evals.modes.ArtifactSink;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The schedules and HTTP triggers one attempt asked for on its current flow or script, and the
 * tools that create them. Windmill's own cases call the tools by these names and arguments, so both
 * are a contract. The tools validate and record what was asked; creating it on a Windmill server is
 * the backend's job.
 */
public final class Deployments {

  public static final String CREATE_SCHEDULE = "create_schedule";
  public static final String CREATE_TRIGGER = "create_trigger";

  /** The tools, which a reference replaying an expected flow or script cannot call. */
  public static final List<String> TOOL_NAMES = List.of(CREATE_SCHEDULE, CREATE_TRIGGER);

  private static final String SCHEDULE_INPUT =
      """
      {"type": "object",
       "properties": {
         "path": {"type": "string", "description": "The schedule's own path, e.g. f/folder/daily_report"},
         "schedule": {"type": "string",
           "description": "Cron with seconds: second minute hour day-of-month month day-of-week, e.g. '0 30 7 * * *'"},
         "timezone": {"type": "string", "description": "IANA time zone, default UTC"},
         "args": {"type": "object", "description": "Inputs for each run, default {}"},
         "enabled": {"type": "boolean", "description": "Default true"}},
       "required": ["path", "schedule"], "additionalProperties": false}
      """;
  private static final String TRIGGER_INPUT =
      """
      {"type": "object",
       "properties": {
         "path": {"type": "string", "description": "The trigger's own path, e.g. f/folder/orders_webhook"},
         "kind": {"type": "string", "enum": ["http"]},
         "route_path": {"type": "string", "description": "Route without a leading slash, e.g. orders/new"},
         "http_method": {"type": "string", "enum": ["get", "post", "put", "delete", "patch"]},
         "authentication": {"type": "string",
           "enum": ["none", "windmill", "api_key", "basic_http", "custom_script", "signature"],
           "description": "Default none"}},
       "required": ["path", "kind", "route_path", "http_method"], "additionalProperties": false}
      """;

  private final String runnablePath;
  private final boolean isFlow;
  private final Map<String, Schedule> schedules = new LinkedHashMap<>();
  private final Map<String, HttpTrigger> triggers = new LinkedHashMap<>();

  private Deployments(String runnablePath, boolean isFlow) {
    this.runnablePath = runnablePath;
    this.isFlow = isFlow;
  }

  /** Deployments of the flow at this Windmill path. */
  public static Deployments ofFlow(String flowPath) {
    return new Deployments(flowPath, true);
  }

  /** Deployments of the script at this Windmill path. */
  public static Deployments ofScript(String scriptPath) {
    return new Deployments(scriptPath, false);
  }

  /** The Windmill path of the flow or script the schedules and triggers run. */
  public String runnablePath() {
    return runnablePath;
  }

  /** The schedules created with {@code create_schedule}, in call order (latest per path). */
  public List<Schedule> schedules() {
    return List.copyOf(schedules.values());
  }

  /** The HTTP triggers created with {@code create_trigger}, in call order (latest per path). */
  public List<HttpTrigger> triggers() {
    return List.copyOf(triggers.values());
  }

  /** {@code create_schedule} and {@code create_trigger} for the current flow or script. */
  public List<Tool> tools() {
    String current = "the current " + noun() + (isFlow ? " (its path is in get_flow)." : ".");
    return List.of(
        FunctionTool.of(
            CREATE_SCHEDULE,
            "Creates a cron schedule that runs " + current,
            SCHEDULE_INPUT,
            this::createSchedule),
        FunctionTool.of(
            CREATE_TRIGGER,
            "Creates an HTTP route that runs " + current,
            TRIGGER_INPUT,
            this::createTrigger));
  }

  /** Writes {@code schedules.json} and {@code triggers.json}, each only when there is one. */
  public void writeArtifacts(ArtifactSink sink) throws IOException {
    if (!schedules.isEmpty()) {
      sink.write("schedules.json", list(schedules(), Schedule::toJson));
    }
    if (!triggers.isEmpty()) {
      sink.write("triggers.json", list(triggers(), HttpTrigger::toJson));
    }
  }

  private ToolReply createSchedule(JsonNode args) {
    Schedule schedule;
    try {
      schedule = DeploymentArguments.schedule(args, runnablePath, isFlow);
    } catch (IllegalArgumentException e) {
      return ToolReply.error("The schedule was not created: " + e.getMessage());
    }
    // A later schedule at the same path replaces the first, as a retry would.
    schedules.remove(schedule.path());
    schedules.put(schedule.path(), schedule);
    return ToolReply.ok(
        "Schedule "
            + schedule.path()
            + " created for "
            + noun()
            + " "
            + runnablePath
            + ": '"
            + schedule.schedule()
            + "' ("
            + schedule.timezone()
            + "), "
            + (schedule.enabled() ? "enabled" : "disabled")
            + ".");
  }

  private ToolReply createTrigger(JsonNode args) {
    HttpTrigger trigger;
    try {
      trigger = DeploymentArguments.trigger(args, runnablePath, isFlow);
    } catch (IllegalArgumentException e) {
      return ToolReply.error("The trigger was not created: " + e.getMessage());
    }
    triggers.remove(trigger.path());
    triggers.put(trigger.path(), trigger);
    return ToolReply.ok(
        "HTTP trigger "
            + trigger.path()
            + " created for "
            + noun()
            + " "
            + runnablePath
            + ": "
            + trigger.httpMethod().toUpperCase(Locale.ROOT)
            + " "
            + trigger.routePath()
            + ", authentication "
            + trigger.authenticationMethod()
            + ".");
  }

  private String noun() {
    return isFlow ? "flow" : "script";
  }

  private static <T> String list(List<T> items, Function<T, JsonNode> toJson) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    items.stream().map(toJson).forEach(array::add);
    try {
      return Mappers.json().writeValueAsString(array) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
