package dev.evals.modes.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.agent.Tool;
import dev.evals.agent.ToolReply;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The tools that attach a schedule or an HTTP trigger to the current flow. Windmill's own flow
 * cases call them by these names and arguments, so both are a contract. They validate and record
 * what was asked; creating it on a Windmill server is the backend's job.
 */
final class DeploymentTools {

  static final String CREATE_SCHEDULE = "create_schedule";
  static final String CREATE_TRIGGER = "create_trigger";

  static final List<String> HTTP_METHODS = List.of("get", "post", "put", "delete", "patch");

  /** Windmill's {@code HttpTrigger.authentication_method} values. */
  static final List<String> AUTHENTICATION_METHODS =
      List.of("none", "windmill", "api_key", "basic_http", "custom_script", "signature");

  private static final String SCHEDULE_INPUT =
      """
      {"type": "object",
       "properties": {
         "path": {"type": "string", "description": "The schedule's own path, e.g. f/folder/daily_report"},
         "schedule": {"type": "string",
           "description": "Cron with seconds: second minute hour day-of-month month day-of-week, e.g. '0 30 7 * * *'"},
         "timezone": {"type": "string", "description": "IANA time zone, default UTC"},
         "args": {"type": "object", "description": "Flow inputs for each run, default {}"},
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

  private final FlowSession session;

  DeploymentTools(FlowSession session) {
    this.session = session;
  }

  List<Tool> all() {
    return List.of(
        FunctionTool.of(
            CREATE_SCHEDULE,
            "Creates a cron schedule that runs the current flow (its path is in get_flow).",
            SCHEDULE_INPUT,
            this::createSchedule),
        FunctionTool.of(
            CREATE_TRIGGER,
            "Creates an HTTP route that runs the current flow (its path is in get_flow).",
            TRIGGER_INPUT,
            this::createTrigger));
  }

  private ToolReply createSchedule(JsonNode args) {
    FlowSchedule schedule;
    try {
      schedule = schedule(args, session.flowPath());
    } catch (IllegalArgumentException e) {
      return ToolReply.error("The schedule was not created: " + e.getMessage());
    }
    session.addSchedule(schedule);
    return ToolReply.ok(
        "Schedule "
            + schedule.path()
            + " created for flow "
            + schedule.flowPath()
            + ": '"
            + schedule.schedule()
            + "' ("
            + schedule.timezone()
            + "), "
            + (schedule.enabled() ? "enabled" : "disabled")
            + ".");
  }

  private ToolReply createTrigger(JsonNode args) {
    FlowTrigger trigger;
    try {
      trigger = trigger(args, session.flowPath());
    } catch (IllegalArgumentException e) {
      return ToolReply.error("The trigger was not created: " + e.getMessage());
    }
    session.addTrigger(trigger);
    return ToolReply.ok(
        "HTTP trigger "
            + trigger.path()
            + " created for flow "
            + trigger.flowPath()
            + ": "
            + trigger.httpMethod().toUpperCase(Locale.ROOT)
            + " "
            + trigger.routePath()
            + ", authentication "
            + trigger.authenticationMethod()
            + ".");
  }

  static FlowSchedule schedule(JsonNode args, String flowPath) {
    String path = WindmillPath.check("path", text(args, "path"));
    String cron = text(args, "schedule");
    if (cron == null) {
      throw new IllegalArgumentException("schedule (a cron expression) is required");
    }
    CronExpression.parse(cron);
    String timezone = text(args, "timezone");
    timezone = timezone == null ? "UTC" : timezone;
    try {
      ZoneId.of(timezone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("unknown timezone '" + timezone + "'", e);
    }
    JsonNode given = args.get("args");
    if (given != null && !given.isNull() && !given.isObject()) {
      throw new IllegalArgumentException("args must be an object of flow inputs");
    }
    JsonNode enabled = args.get("enabled");
    if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) {
      throw new IllegalArgumentException("enabled must be true or false");
    }
    return new FlowSchedule(
        path,
        cron.trim(),
        timezone,
        given == null || given.isNull() ? null : given,
        enabled == null || enabled.isNull() || enabled.booleanValue(),
        flowPath);
  }

  static FlowTrigger trigger(JsonNode args, String flowPath) {
    String path = WindmillPath.check("path", text(args, "path"));
    String kind = text(args, "kind");
    if (!"http".equalsIgnoreCase(kind)) {
      throw new IllegalArgumentException(
          "kind must be \"http\" (the only trigger kind supported), got " + quoted(kind));
    }
    String route = routePath(text(args, "route_path"));
    String method = oneOf("http_method", text(args, "http_method"), HTTP_METHODS, null);
    String authentication =
        oneOf("authentication", text(args, "authentication"), AUTHENTICATION_METHODS, "none");
    return new FlowTrigger(path, route, method, authentication, flowPath);
  }

  private static String routePath(String route) {
    if (route == null || route.isBlank()) {
      throw new IllegalArgumentException("route_path is required, e.g. orders/new");
    }
    if (route.startsWith("/")) {
      throw new IllegalArgumentException(
          "route_path '"
              + route
              + "' must not start with '/': write "
              + route.replaceAll("^/+", ""));
    }
    if (!route.matches("[A-Za-z0-9_.:/-]+") || route.contains("//")) {
      throw new IllegalArgumentException(
          "route_path '"
              + route
              + "' may only hold letters, digits, _ . - : and single slashes between segments");
    }
    return route;
  }

  private static String oneOf(String field, String given, List<String> allowed, String fallback) {
    if (given == null && fallback != null) {
      return fallback;
    }
    String lower = given == null ? null : given.toLowerCase(Locale.ROOT);
    if (lower == null || !allowed.contains(lower)) {
      throw new IllegalArgumentException(
          field + " must be one of " + String.join(", ", allowed) + ", got " + quoted(given));
    }
    return lower;
  }

  private static String text(JsonNode args, String field) {
    JsonNode value = args.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(field + " must be a string");
    }
    return value.asText();
  }

  private static String quoted(String value) {
    return value == null ? "nothing" : "'" + value + "'";
  }
}
