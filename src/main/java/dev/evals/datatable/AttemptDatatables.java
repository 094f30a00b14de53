package dev.evals.datatable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The datatables of one attempt. Each is opened on first use, as a fresh database copied from the
 * case's seed, so an attempt that never touches its datatables never starts PostgreSQL; {@link
 * #close()} drops every database the attempt opened. Reads see the attempt's own writes, and only
 * those.
 */
public final class AttemptDatatables implements AutoCloseable {

  private final DatatableServer server;
  private final DatatableSeed seed;
  private final Map<String, AttemptDatabase> opened = new LinkedHashMap<>();
  private boolean closed;

  AttemptDatatables(DatatableServer server, DatatableSeed seed) {
    this.server = server;
    this.seed = seed;
  }

  /** The datatable names configured for this attempt, in fixture order. */
  public List<String> names() {
    return seed.names();
  }

  public boolean has(String datatable) {
    return seed.datatable(datatable).isPresent();
  }

  /** Runs SQL on the datatable, which must be one of {@link #names()}. */
  public SqlOutcome exec(String datatable, String sql) {
    return database(datatable).exec(sql);
  }

  /** Schema name to table names of the datatable as it is now. */
  public Map<String, List<String>> tables(String datatable) {
    AttemptDatabase database = opened(datatable);
    if (database != null) {
      return database.tables();
    }
    Map<String, List<String>> tables = new LinkedHashMap<>();
    for (DatatableSeed.Table table : seed(datatable).tables()) {
      tables.computeIfAbsent(table.schema(), s -> new ArrayList<>()).add(table.name());
    }
    tables.values().forEach(names -> names.sort(String::compareTo));
    return tables;
  }

  /** A table's columns as they are now, or empty when the datatable has no such table. */
  public Optional<Map<String, ColumnType>> columns(String datatable, String schema, String table) {
    AttemptDatabase database = opened(datatable);
    if (database != null) {
      return database.columns(schema, table);
    }
    return seed(datatable).tables().stream()
        .filter(t -> t.schema().equals(schema) && t.name().equals(table))
        .findFirst()
        .map(DatatableSeed.Table::columns);
  }

  /**
   * Every datatable as it is now, in the seed format with its rows: what the attempt leaves behind,
   * and what a rescore seeds from.
   */
  public synchronized DatatableSeed snapshot() {
    List<DatatableSeed.Datatable> now = new ArrayList<>();
    for (DatatableSeed.Datatable datatable : seed.datatables()) {
      AttemptDatabase database = opened.get(datatable.name());
      now.add(database == null ? datatable : database.snapshot());
    }
    return new DatatableSeed(now);
  }

  /** Windmill's {@code DataTableSchema} list of the datatables as they are now. */
  public ArrayNode schemas() {
    return snapshot().schemas();
  }

  private synchronized AttemptDatabase opened(String datatable) {
    return opened.get(datatable);
  }

  private DatatableSeed.Datatable seed(String datatable) {
    return seed.datatable(datatable)
        .orElseThrow(() -> new IllegalArgumentException("datatable " + datatable + " not found"));
  }

  private synchronized AttemptDatabase database(String datatable) {
    if (closed) {
      throw new IllegalStateException("the attempt's datatables are closed");
    }
    AttemptDatabase database = opened.get(datatable);
    if (database == null) {
      try {
        database = server.open(seed(datatable));
      } catch (SQLException e) {
        throw new IllegalStateException(
            "datatable " + datatable + " could not be opened: " + e.getMessage(), e);
      }
      opened.put(datatable, database);
    }
    return database;
  }

  /** The databases this attempt opened, by datatable name (for tests). */
  synchronized Map<String, String> databases() {
    Map<String, String> names = new LinkedHashMap<>();
    opened.forEach((datatable, database) -> names.put(datatable, database.database()));
    return names;
  }

  /** Drops every database the attempt opened. */
  @Override
  public synchronized void close() {
    closed = true;
    IllegalStateException failure = null;
    for (AttemptDatabase database : opened.values()) {
      try {
        database.close();
      } catch (SQLException | RuntimeException e) {
        if (failure == null) {
          failure = new IllegalStateException("a datatable was not dropped: " + e.getMessage(), e);
        }
      }
    }
    opened.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
