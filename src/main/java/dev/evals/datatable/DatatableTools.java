package dev.evals.datatable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.agent.FunctionTool;
import dev.evals.agent.Tool;
import dev.evals.agent.ToolReply;
import dev.evals.json.Mappers;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Windmill's three datatable tools, with its names, argument shapes and answers, bound to one
 * attempt's datatables: the workspace-wide ones of global mode ({@link #workspace}) and the app
 * editor's ({@link #app}, whose list counts tables and whose SQL tool takes {@code new_table}).
 */
public final class DatatableTools {

  public static final String LIST = "list_datatables";
  public static final String SCHEMA = "get_datatable_table_schema";
  public static final String EXEC = "exec_datatable_sql";

  /** At most this many rows go back to the model, as in Windmill. */
  static final int MAX_ROWS = 100;

  private static final String NO_INPUT =
      """
      {"type": "object", "properties": {}, "additionalProperties": false}
      """;
  private static final String SCHEMA_INPUT =
      """
      {"type": "object",
       "properties": {
         "datatable_name": {"type": "string", "description": "The datatable name to inspect, e.g. \\"main\\"."},
         "schema_name": {"type": "string", "description": "The schema name, e.g. \\"public\\"."},
         "table_name": {"type": "string", "description": "The table name to inspect."}},
       "required": ["datatable_name", "schema_name", "table_name"], "additionalProperties": false}
      """;
  private static final String EXEC_INPUT =
      """
      {"type": "object",
       "properties": {
         "datatable_name": {"type": "string", "description": "The name of the datatable to query (e.g., \\"main\\"). Must be one of the datatables configured in the %s."},
         "sql": {"type": "string", "description": "The SQL query to execute. Supports SELECT, INSERT, UPDATE, DELETE, CREATE TABLE, ALTER TABLE, DROP TABLE, etc. For SELECT queries, results are returned as an array of objects."}%s},
       "required": ["datatable_name", "sql"], "additionalProperties": false}
      """;
  private static final String NEW_TABLE =
      """
      ,
         "new_table": {"type": "object", "description": "When executing a CREATE TABLE statement, provide this to register the new table in the app so it can be queried and its schema retrieved later.",
           "properties": {
             "schema": {"type": "string", "description": "The schema name where the table was created (e.g., \\"public\\")"},
             "name": {"type": "string", "description": "The name of the newly created table"}},
           "required": ["schema", "name"]}""";

  static final String NO_DATATABLES =
      "No datatables are configured in this workspace. Datatable operations (querying data,"
          + " creating or altering tables) are blocked until a datatable exists. Datatables are not"
          + " created by SQL — the user must set one up in the workspace settings (Workspace"
          + " settings → Data Tables) first. Do not call exec_datatable_sql or assume a \"main\""
          + " datatable exists; instead tell the user this is a required prerequisite and ask them"
          + " to configure a datatable in their workspace settings.";
  static final String NO_APP_DATATABLES =
      "No datatables are configured in this app. Use the Data panel in the sidebar to add"
          + " datatable references.";

  private final AttemptDatatables datatables;
  private final boolean app;

  private DatatableTools(AttemptDatatables datatables, boolean app) {
    this.datatables = datatables;
    this.app = app;
  }

  /** Global mode's tools: every datatable of the workspace. */
  public static List<Tool> workspace(AttemptDatatables datatables) {
    return new DatatableTools(datatables, false).all();
  }

  /** App mode's tools: the datatables the app references. */
  public static List<Tool> app(AttemptDatatables datatables) {
    return new DatatableTools(datatables, true).all();
  }

  private List<Tool> all() {
    String where = app ? "app" : "workspace";
    return List.of(
        FunctionTool.of(
            LIST,
            "List datatables configured in the "
                + where
                + " with schema and table names only. Does not include column definitions. Use"
                + " this directly for table-list or available-tables summaries. Only call"
                + " get_datatable_table_schema when column names/types are required.",
            NO_INPUT,
            args -> list()),
        FunctionTool.of(
            SCHEMA,
            "Get column definitions for one datatable table. Do not call this for row counts or"
                + " table-list summaries; list_datatables is enough for those.",
            SCHEMA_INPUT,
            this::schema),
        FunctionTool.of(
            EXEC,
            app
                ? "Execute a SQL query on a datatable. Use this to explore data, test queries,"
                    + " create tables, or make changes. When creating a new table, pass new_table"
                    + " to register it in the app for future use."
                : "Execute a SQL query on a workspace datatable. Use this to explore data, test"
                    + " queries, create/alter tables, or make changes. Creating a table is a"
                    + " normal CREATE TABLE statement — no registration step is needed.",
            EXEC_INPUT.formatted(where, app ? NEW_TABLE : ""),
            this::exec));
  }

  private ToolReply list() {
    if (datatables.names().isEmpty()) {
      return ToolReply.ok(app ? NO_APP_DATATABLES : NO_DATATABLES);
    }
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    for (String name : datatables.names()) {
      ObjectNode entry = list.addObject().put("datatable_name", name);
      ObjectNode schemas = entry.putObject("schemas");
      int count = 0;
      for (Map.Entry<String, List<String>> schema : datatables.tables(name).entrySet()) {
        ArrayNode tables = schemas.putArray(schema.getKey());
        schema.getValue().forEach(tables::add);
        count += schema.getValue().size();
      }
      if (app) {
        entry.put("tableCount", count);
      }
    }
    return ToolReply.ok(pretty(list));
  }

  private ToolReply schema(JsonNode args) {
    String datatable = args.path("datatable_name").asText();
    String schema = args.path("schema_name").asText();
    String table = args.path("table_name").asText();
    if (!datatables.has(datatable)) {
      return ToolReply.error(notConfigured(datatable));
    }
    Optional<Map<String, ColumnType>> columns = datatables.columns(datatable, schema, table);
    if (columns.isEmpty()) {
      return ToolReply.error(
          "Error getting table schema: table \""
              + schema
              + "."
              + table
              + "\" not found in datatable \""
              + datatable
              + "\"");
    }
    ObjectNode answer =
        JsonNodeFactory.instance
            .objectNode()
            .put("datatable_name", datatable)
            .put("schema_name", schema)
            .put("table_name", table);
    ObjectNode listed = answer.putObject("columns");
    columns.get().forEach((column, type) -> listed.put(column, type.compact()));
    return ToolReply.ok(pretty(answer));
  }

  private ToolReply exec(JsonNode args) {
    String datatable = args.path("datatable_name").asText();
    if (!datatables.has(datatable)) {
      return failed(notConfigured(datatable));
    }
    SqlOutcome outcome = datatables.exec(datatable, args.path("sql").asText());
    if (outcome instanceof SqlOutcome.Failed failed) {
      return failed(failed.message());
    }
    return ToolReply.ok(pretty(answer(((SqlOutcome.Rows) outcome).rows())));
  }

  private static ObjectNode answer(List<ObjectNode> rows) {
    ObjectNode answer =
        JsonNodeFactory.instance.objectNode().put("success", true).put("rowCount", rows.size());
    ArrayNode result = answer.putArray("result");
    rows.stream().limit(MAX_ROWS).forEach(result::add);
    if (rows.size() > MAX_ROWS) {
      answer.put("note", "Showing first " + MAX_ROWS + " of " + rows.size() + " rows");
    }
    return answer;
  }

  private static ToolReply failed(String error) {
    ObjectNode answer =
        JsonNodeFactory.instance.objectNode().put("success", false).put("error", error);
    return ToolReply.error(answer.toString());
  }

  private String notConfigured(String datatable) {
    if (app) {
      return "Datatable \""
          + datatable
          + "\" is not configured in this app. Datatables: "
          + datatables.names();
    }
    return "Datatable \""
        + datatable
        + "\" is not configured in this workspace, so this operation cannot run. Datatables are"
        + " not created by SQL — they must be set up first by the user in the workspace settings"
        + " (Workspace settings → Data Tables) before any table can be queried or created. This is"
        + " a required, blocking prerequisite: do not retry on this or another name. Tell the user"
        + " they need to configure a datatable (e.g. named \""
        + datatable
        + "\") in their workspace settings, then try again.";
  }

  private static String pretty(JsonNode node) {
    try {
      return Mappers.json().writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
