package dev.evals.datatable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a seeded datatable into a template database: schemas, sequences, tables and rows. */
final class SeedWriter {

  private final Connection connection;

  SeedWriter(Connection connection) {
    this.connection = connection;
  }

  void write(DatatableSeed.Datatable seed) throws SQLException {
    for (DatatableSeed.Table table : seed.tables()) {
      try {
        create(table);
        insert(table);
      } catch (SQLException e) {
        throw new IllegalArgumentException(
            "datatable "
                + seed.name()
                + " table "
                + table.schema()
                + "."
                + table.name()
                + " cannot be created in PostgreSQL: "
                + firstLine(e.getMessage()),
            e);
      }
    }
  }

  private void create(DatatableSeed.Table table) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + quote(table.schema()));
      for (ColumnType type : table.columns().values()) {
        if (type.sequence() != null) {
          String sequence = type.sequence().replace("\"", "");
          boolean qualified = sequence.contains(".");
          statement.execute(
              "CREATE SEQUENCE IF NOT EXISTS "
                  + (qualified ? sequence : quote(table.schema()) + "." + quote(sequence)));
        }
      }
      String columns =
          table.columns().entrySet().stream()
              .map(c -> quote(c.getKey()) + " " + c.getValue().definition(c.getKey()))
              .collect(Collectors.joining(", "));
      // Unqualified sequence names in defaults resolve in the table's schema.
      statement.execute("SET search_path = " + quote(table.schema()) + ", public");
      statement.execute("CREATE TABLE " + qualified(table) + " (" + columns + ")");
      statement.execute("RESET search_path");
    }
  }

  /**
   * Rows go through json_populate_record, so PostgreSQL converts each JSON value to its column;
   * only the row's own columns are inserted, so the others get their defaults.
   */
  private void insert(DatatableSeed.Table table) throws SQLException {
    for (ObjectNode row : table.rows()) {
      List<String> names = new ArrayList<>();
      row.fieldNames().forEachRemaining(name -> names.add(quote(name)));
      if (names.isEmpty()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("INSERT INTO " + qualified(table) + " DEFAULT VALUES");
        }
        continue;
      }
      String columns = String.join(", ", names);
      String sql =
          "INSERT INTO "
              + qualified(table)
              + " ("
              + columns
              + ") SELECT "
              + columns
              + " FROM json_populate_record(NULL::"
              + qualified(table)
              + ", ?::json)";
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setString(1, row.toString());
        statement.executeUpdate();
      }
    }
    for (Map.Entry<String, ColumnType> column : table.columns().entrySet()) {
      if (column.getValue().generatedKey(column.getKey()) && !table.rows().isEmpty()) {
        // Seeded ids were given explicitly; the next generated one follows the largest.
        try (Statement statement = connection.createStatement()) {
          statement.execute(
              "SELECT setval(pg_get_serial_sequence('"
                  + qualified(table).replace("'", "''")
                  + "', '"
                  + column.getKey().replace("'", "''")
                  + "'), (SELECT COALESCE(MAX("
                  + quote(column.getKey())
                  + "), 0) + 1 FROM "
                  + qualified(table)
                  + "), false)");
        }
      }
    }
  }

  static String qualified(DatatableSeed.Table table) {
    return quote(table.schema()) + "." + quote(table.name());
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
