package dev.evals.datatable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/** One attempt's copy of one datatable: a database of its own, dropped by {@link #close()}. */
final class AttemptDatabase implements AutoCloseable {

  /** Rows read from one statement at most; the tool shows fewer, and says how many there were. */
  static final int ROW_LIMIT = 10_000;

  private static final String USER_TABLES =
      "SELECT table_schema, table_name FROM information_schema.tables"
          + " WHERE table_type = 'BASE TABLE'"
          + " AND table_schema NOT IN ('pg_catalog', 'information_schema')"
          + " AND table_schema NOT LIKE 'pg_toast%' AND table_schema NOT LIKE 'pg_temp%'"
          + " ORDER BY table_schema, table_name";
  private static final String COLUMNS =
      "SELECT column_name, udt_name, is_nullable, column_default FROM information_schema.columns"
          + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position";

  private final DatatableServer server;
  private final String datatable;
  private final String database;
  private final Connection connection;

  AttemptDatabase(
      DatatableServer server, String datatable, String database, Connection connection) {
    this.server = server;
    this.datatable = datatable;
    this.database = database;
    this.connection = connection;
  }

  String datatable() {
    return datatable;
  }

  String database() {
    return database;
  }

  /**
   * Runs the model's SQL as one Windmill job would: each call on its own, a transaction it leaves
   * open rolled back (as closing the job's connection does). A connection lost is not the model's
   * fault and is thrown.
   */
  synchronized SqlOutcome exec(String sql) {
    try (Statement statement = connection.createStatement()) {
      List<ObjectNode> rows = List.of();
      boolean isResult = statement.execute(sql);
      while (true) {
        if (isResult) {
          try (ResultSet result = statement.getResultSet()) {
            rows = SqlValues.rows(result, ROW_LIMIT);
          }
        } else if (statement.getUpdateCount() == -1) {
          break;
        }
        isResult = statement.getMoreResults();
      }
      endOpenTransaction();
      return new SqlOutcome.Rows(rows);
    } catch (SQLException e) {
      lostConnection(e);
      endOpenTransaction();
      return new SqlOutcome.Failed(message(e));
    }
  }

  /** Schema name to its table names, sorted. */
  synchronized Map<String, List<String>> tables() {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(USER_TABLES)) {
      while (result.next()) {
        tables
            .computeIfAbsent(result.getString(1), s -> new ArrayList<>())
            .add(result.getString(2));
      }
      return tables;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "datatable " + datatable + " cannot be listed: " + e.getMessage(), e);
    }
  }

  /** The table's columns in Windmill's compact notation, or empty when there is no such table. */
  synchronized Optional<Map<String, ColumnType>> columns(String schema, String table) {
    Map<String, ColumnType> columns = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
      statement.setString(1, schema);
      statement.setString(2, table);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          String udt = result.getString(2);
          String type = udt.startsWith("_") ? udt.substring(1) + "[]" : udt;
          columns.put(
              result.getString(1),
              new ColumnType(type, "YES".equals(result.getString(3)), result.getString(4)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "datatable " + datatable + " cannot be read: " + e.getMessage(), e);
    }
    return columns.isEmpty() ? Optional.empty() : Optional.of(columns);
  }

  /** The database now, in the seed format with rows (at most {@link #ROW_LIMIT} per table). */
  synchronized DatatableSeed.Datatable snapshot() {
    List<DatatableSeed.Table> tables = new ArrayList<>();
    for (Map.Entry<String, List<String>> schema : tables().entrySet()) {
      for (String table : schema.getValue()) {
        Map<String, ColumnType> columns = columns(schema.getKey(), table).orElse(Map.of());
        String select =
            "SELECT * FROM " + SeedWriter.quote(schema.getKey()) + "." + SeedWriter.quote(table);
        SqlOutcome outcome = exec(select + orderBy(columns));
        List<ObjectNode> rows = outcome instanceof SqlOutcome.Rows read ? read.rows() : List.of();
        tables.add(new DatatableSeed.Table(schema.getKey(), table, columns, rows));
      }
    }
    return new DatatableSeed.Datatable(datatable, tables);
  }

  /** Rows in a stable order, so two snapshots of the same data are the same file. */
  private static String orderBy(Map<String, ColumnType> columns) {
    return columns.isEmpty() ? "" : " ORDER BY 1";
  }

  private void endOpenTransaction() {
    try {
      BaseConnection base = connection.unwrap(BaseConnection.class);
      if (base.getTransactionState() != TransactionState.IDLE) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("ROLLBACK");
        }
      }
    } catch (SQLException e) {
      lostConnection(e);
    }
  }

  private void lostConnection(SQLException e) {
    String state = e.getSQLState();
    if ((state != null && state.startsWith("08")) || isClosed()) {
      throw new IllegalStateException(
          "the connection to datatable " + datatable + " was lost: " + e.getMessage(), e);
    }
  }

  private boolean isClosed() {
    try {
      return connection.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  private static String message(SQLException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.strip();
  }

  /** Closes the connection and drops the database. */
  @Override
  public synchronized void close() throws SQLException {
    try {
      connection.close();
    } finally {
      server.drop(database);
    }
  }
}
