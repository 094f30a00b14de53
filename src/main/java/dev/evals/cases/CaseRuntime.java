package dev.evals.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/**
 * How a case runs.
 *
 * @param maxTurns the most model turns of the tool loop (default 20)
 * @param timeoutSeconds the wall-clock limit of an agent process (cli mode; default 600)
 * @param backendPreview arguments for a preview on a Windmill server, or null
 * @param appContext app mode: what the user mentioned with @ in the app editor, or null
 */
public record CaseRuntime(
    Integer maxTurns,
    Integer timeoutSeconds,
    BackendPreview backendPreview,
    AppContext appContext) {

  public static final int DEFAULT_MAX_TURNS = 20;
  public static final int DEFAULT_TIMEOUT_SECONDS = 600;
  public static final CaseRuntime DEFAULTS = new CaseRuntime(null, null, null, null);

  public CaseRuntime(Integer maxTurns, Integer timeoutSeconds, BackendPreview backendPreview) {
    this(maxTurns, timeoutSeconds, backendPreview, null);
  }

  @JsonCreator
  public CaseRuntime {
    if (maxTurns != null && maxTurns < 1) {
      throw new IllegalArgumentException("runtime.maxTurns must be at least 1");
    }
    if (timeoutSeconds != null && timeoutSeconds < 1) {
      throw new IllegalArgumentException("runtime.timeoutSeconds must be at least 1");
    }
  }

  public int effectiveMaxTurns() {
    return maxTurns == null ? DEFAULT_MAX_TURNS : maxTurns;
  }

  public int effectiveTimeoutSeconds() {
    return timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
  }

  /**
   * A smoke run of the built script or flow on Windmill.
   *
   * @param args the arguments of the preview job
   * @param timeoutSeconds how long to wait for the job
   * @param expect what the job must return, or null when succeeding is enough; a field of ours, not
   *     of Windmill's case format
   */
  public record BackendPreview(JsonNode args, Integer timeoutSeconds, PreviewExpect expect) {
    public BackendPreview {
      args = args == null ? JsonNodeFactory.instance.objectNode() : args;
    }

    /** A preview that only needs the job to succeed. */
    public BackendPreview(JsonNode args, Integer timeoutSeconds) {
      this(args, timeoutSeconds, null);
    }
  }

  /**
   * Windmill's {@code runtime.appContext}: app items the user mentioned with @, given to the model
   * in the user message as the app editor gives them.
   *
   * @param additional the mentioned items, in order
   */
  public record AppContext(List<Mention> additional) {
    public AppContext {
      additional = additional == null ? List.of() : List.copyOf(additional);
    }
  }

  /**
   * One mentioned item: {@code {type: frontend, path}}, {@code {type: backend, key}} or {@code
   * {type: datatable, datatableName, schema, table}}.
   */
  public record Mention(
      String type, String path, String key, String datatableName, String schema, String table) {
    public Mention {
      switch (type == null ? "" : type) {
        case "frontend" -> require(path, "path", "frontend");
        case "backend" -> require(key, "key", "backend");
        case "datatable" -> {
          require(datatableName, "datatableName", "datatable");
          require(schema, "schema", "datatable");
          require(table, "table", "datatable");
        }
        default ->
            throw new IllegalArgumentException(
                "runtime.appContext.additional type must be frontend, backend or datatable, not '"
                    + type
                    + "'");
      }
    }

    private static void require(String value, String field, String type) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(
            "runtime.appContext.additional of type " + type + " needs " + field);
      }
    }
  }
}
