package dev.evals.modes.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Reads the arguments of {@code create_schedule} and {@code create_trigger} as Windmill names them,
 * or throws an {@link IllegalArgumentException} saying what is wrong, for the model to fix.
 */
final class DeploymentArguments {

  static final List<String> HTTP_METHODS = List.of("get", "post", "put", "delete", "patch");

  /** Windmill's {@code HttpTrigger.authentication_method} values. */
  static final List<String> AUTHENTICATION_METHODS =
      List.of("none", "windmill", "api_key", "basic_http", "custom_script", "signature");

  private DeploymentArguments() {}

  static Schedule schedule(JsonNode args, String runnablePath, boolean isFlow) {
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
      throw new IllegalArgumentException("args must be an object of inputs");
    }
    JsonNode enabled = args.get("enabled");
    if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) {
      throw new IllegalArgumentException("enabled must be true or false");
    }
    return new Schedule(
        path,
        cron.trim(),
        timezone,
        given == null || given.isNull() ? null : given,
        enabled == null || enabled.isNull() || enabled.booleanValue(),
        runnablePath,
        isFlow);
  }

  static HttpTrigger trigger(JsonNode args, String runnablePath, boolean isFlow) {
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
    return new HttpTrigger(path, route, method, authentication, runnablePath, isFlow);
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
