package dev.evals.datatable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.json.Mappers;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows as JSON objects, the way Windmill's PostgreSQL runner returns them: integers and numerics as
 * numbers, booleans, json/jsonb as JSON, timestamps as ISO-8601 text, everything else as its text.
 */
final class SqlValues {

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private SqlValues() {}

  static List<ObjectNode> rows(ResultSet result, int limit) throws SQLException {
    ResultSetMetaData meta = result.getMetaData();
    List<ObjectNode> rows = new ArrayList<>();
    while (result.next() && rows.size() < limit) {
      ObjectNode row = NODES.objectNode();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        row.set(
            meta.getColumnLabel(i),
            value(result, i, meta.getColumnType(i), meta.getColumnTypeName(i)));
      }
      rows.add(row);
    }
    return rows;
  }

  private static JsonNode value(ResultSet result, int column, int sqlType, String typeName)
      throws SQLException {
    if (result.getObject(column) == null) {
      return NODES.nullNode();
    }
    switch (sqlType) {
      case Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
        long value = result.getLong(column);
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
      }
      case Types.NUMERIC, Types.DECIMAL -> {
        return NODES.numberNode(result.getBigDecimal(column));
      }
      case Types.REAL, Types.DOUBLE, Types.FLOAT -> {
        return NODES.numberNode(result.getDouble(column));
      }
      case Types.BOOLEAN, Types.BIT -> {
        return NODES.booleanNode(result.getBoolean(column));
      }
      default -> {
        return byName(result, column, typeName);
      }
    }
  }

  private static JsonNode byName(ResultSet result, int column, String typeName)
      throws SQLException {
    return switch (typeName) {
      case "json", "jsonb" -> json(result.getString(column));
      case "timestamptz" ->
          NODES.textNode(
              result
                  .getObject(column, OffsetDateTime.class)
                  .withOffsetSameInstant(ZoneOffset.UTC)
                  .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      case "timestamp" -> NODES.textNode(timestamp(result.getTimestamp(column)));
      default -> NODES.textNode(result.getString(column));
    };
  }

  private static String timestamp(Timestamp timestamp) {
    return timestamp.toLocalDateTime().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
  }

  private static JsonNode json(String text) {
    try {
      return Mappers.json().readTree(text);
    } catch (IOException e) {
      return NODES.textNode(text);
    }
  }
}
