package dev.evals.datatable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The datatables a case starts with, in Windmill's fixture format unchanged: a list of {@code
 * {datatable_name, schemas: {schema: {table: ...}}}} where a table is either its columns ({@code
 * {column: compact type}}, as app fixtures' {@code datatables.json} write it) or {@code {columns,
 * rows}} (as global fixtures' {@code workspace.datatables} write it).
 */
public record DatatableSeed(List<Datatable> datatables) {

  public static final DatatableSeed EMPTY = new DatatableSeed(List.of());

  public DatatableSeed {
    datatables = List.copyOf(datatables);
  }

  /** One datatable: a PostgreSQL database of its own in Windmill. */
  public record Datatable(String name, List<Table> tables) {
    public Datatable {
      tables = List.copyOf(tables);
    }
  }

  /** One table with its columns in order and the rows it starts with. */
  public record Table(
      String schema, String name, Map<String, ColumnType> columns, List<ObjectNode> rows) {
    public Table {
      columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
      rows = rows.stream().map(ObjectNode::deepCopy).toList();
    }
  }

  /**
   * Reads Windmill's format; a problem is an {@link IllegalArgumentException} naming the datatable,
   * table or column, for the caller to point at the fixture file.
   */
  public static DatatableSeed parse(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return EMPTY;
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException("datatables must be a list of {datatable_name, schemas}");
    }
    List<Datatable> datatables = new ArrayList<>();
    for (JsonNode entry : node) {
      String name = entry.path("datatable_name").asText("");
      if (!entry.path("datatable_name").isTextual() || name.isBlank()) {
        throw new IllegalArgumentException("a datatable has no datatable_name");
      }
      if (datatables.stream().anyMatch(d -> d.name().equals(name))) {
        throw new IllegalArgumentException("datatable " + name + " is listed twice");
      }
      datatables.add(new Datatable(name, tables(name, entry.path("schemas"))));
    }
    return new DatatableSeed(datatables);
  }

  private static List<Table> tables(String datatable, JsonNode schemas) {
    if (!schemas.isObject()) {
      throw new IllegalArgumentException(
          "datatable " + datatable + " needs schemas: {schema: {table: columns}}");
    }
    List<Table> tables = new ArrayList<>();
    for (Map.Entry<String, JsonNode> schema : entries(schemas)) {
      if (!schema.getValue().isObject()) {
        throw new IllegalArgumentException(
            "datatable " + datatable + " schema " + schema.getKey() + " must map tables");
      }
      for (Map.Entry<String, JsonNode> table : entries(schema.getValue())) {
        String where = datatable + "/" + schema.getKey() + "." + table.getKey();
        tables.add(table(where, schema.getKey(), table.getKey(), table.getValue()));
      }
    }
    return tables;
  }

  private static Table table(String where, String schema, String name, JsonNode node) {
    boolean withRows = node.has("columns") && node.path("columns").isObject();
    JsonNode columnsNode = withRows ? node.path("columns") : node;
    if (!columnsNode.isObject() || columnsNode.isEmpty()) {
      throw new IllegalArgumentException("table " + where + " has no columns");
    }
    LinkedHashMap<String, ColumnType> columns = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> column : entries(columnsNode)) {
      try {
        columns.put(column.getKey(), ColumnType.parse(column.getKey(), column.getValue().asText()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("table " + where + ": " + e.getMessage());
      }
    }
    List<ObjectNode> rows = new ArrayList<>();
    JsonNode rowsNode = withRows ? node.path("rows") : JsonNodeFactory.instance.arrayNode();
    if (!rowsNode.isMissingNode() && !rowsNode.isArray()) {
      throw new IllegalArgumentException("table " + where + " rows must be a list of objects");
    }
    for (JsonNode row : rowsNode) {
      if (!row.isObject()) {
        throw new IllegalArgumentException("table " + where + " rows must be a list of objects");
      }
      row.fieldNames()
          .forEachRemaining(
              column -> {
                if (!columns.containsKey(column)) {
                  throw new IllegalArgumentException(
                      "table " + where + " has a row with unknown column " + column);
                }
              });
      rows.add((ObjectNode) row);
    }
    return new Table(schema, name, columns, rows);
  }

  private static List<Map.Entry<String, JsonNode>> entries(JsonNode object) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    fields.forEachRemaining(entries::add);
    return entries;
  }

  public Optional<Datatable> datatable(String name) {
    return datatables.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  public List<String> names() {
    return datatables.stream().map(Datatable::name).toList();
  }

  /** Windmill's {@code DataTableSchema} list: {@code schema -> table -> column -> compact type}. */
  public ArrayNode schemas() {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    for (Datatable datatable : datatables) {
      ObjectNode entry = list.addObject().put("datatable_name", datatable.name());
      ObjectNode schemas = entry.putObject("schemas");
      for (Table table : datatable.tables()) {
        ObjectNode schema =
            schemas.has(table.schema())
                ? (ObjectNode) schemas.get(table.schema())
                : schemas.putObject(table.schema());
        ObjectNode columns = schema.putObject(table.name());
        table.columns().forEach((column, type) -> columns.put(column, type.compact()));
      }
    }
    return list;
  }

  /** The seed back in Windmill's format with rows: {@code table -> {columns, rows}}. */
  public ArrayNode toJson() {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    for (Datatable datatable : datatables) {
      ObjectNode schemas =
          list.addObject().put("datatable_name", datatable.name()).putObject("schemas");
      for (Table table : datatable.tables()) {
        ObjectNode schema =
            schemas.has(table.schema())
                ? (ObjectNode) schemas.get(table.schema())
                : schemas.putObject(table.schema());
        ObjectNode node = schema.putObject(table.name());
        ObjectNode columns = node.putObject("columns");
        table.columns().forEach((column, type) -> columns.put(column, type.compact()));
        ArrayNode rows = node.putArray("rows");
        table.rows().forEach(rows::add);
      }
    }
    return list;
  }
}
