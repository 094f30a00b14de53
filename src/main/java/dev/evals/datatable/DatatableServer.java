package dev.evals.datatable;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.evals.json.Mappers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * One embedded PostgreSQL for a whole run, started on the first attempt that needs a datatable and
 * stopped by {@link #close()} when the run ends (or by its JVM shutdown hook on SIGTERM and
 * Ctrl-C). Each seeded datatable becomes a template database, created once; each attempt gets its
 * own database copied from it ({@code CREATE DATABASE ... TEMPLATE ...}) and dropped when the
 * attempt ends, so attempts never see each other's writes.
 *
 * <p>The model's SQL runs as a role that is neither superuser nor able to create databases or
 * roles: it owns the seeded tables of its database, but cannot run programs on this machine, read
 * its files, or reach another attempt's database.
 */
public final class DatatableServer implements AutoCloseable {

  static final String ROLE = "evals_datatable";

  private final Map<String, String> templates = new HashMap<>();
  private EmbeddedPostgres postgres;
  private Connection admin;
  private long databases;
  private boolean closed;

  private DatatableServer() {}

  private static final DatatableServer SHARED = new DatatableServer();

  /** A server that starts PostgreSQL only when an attempt first opens a datatable. */
  public static DatatableServer lazy() {
    return new DatatableServer();
  }

  /**
   * The process's own server, for whoever has no run to own one (a rescore, a test): it is stopped
   * by its shutdown hook when the JVM exits.
   */
  public static DatatableServer shared() {
    return SHARED;
  }

  /** The datatables of one attempt, opened lazily, each on a database of its own. */
  public AttemptDatatables attempt(DatatableSeed seed) {
    return new AttemptDatatables(this, seed);
  }

  /** Whether PostgreSQL is running (it is started by the first attempt that opens a datatable). */
  public synchronized boolean started() {
    return postgres != null;
  }

  /** A fresh database seeded with the datatable, for one attempt. */
  synchronized AttemptDatabase open(DatatableSeed.Datatable seed) throws SQLException {
    start();
    String template = template(seed);
    String name = "attempt_" + (++databases);
    try (Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
      statement.execute("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
      statement.execute("GRANT CONNECT, CREATE, TEMPORARY ON DATABASE " + name + " TO " + ROLE);
    }
    return new AttemptDatabase(this, seed.name(), name, connect(name));
  }

  /** Drops an attempt's database once its connection is closed. */
  synchronized void drop(String database) throws SQLException {
    if (closed || admin == null) {
      return;
    }
    try (Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  /** Whether a database of this name exists (for tests that check an attempt cleaned up). */
  synchronized boolean exists(String database) throws SQLException {
    if (admin == null) {
      return false;
    }
    try (var statement = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      statement.setString(1, database);
      try (var result = statement.executeQuery()) {
        return result.next();
      }
    }
  }

  private String template(DatatableSeed.Datatable seed) throws SQLException {
    String key = digest(seed);
    String known = templates.get(key);
    if (known != null) {
      return known;
    }
    String name = "template_" + key;
    try (Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
      statement.execute("GRANT CREATE ON DATABASE " + name + " TO " + ROLE);
    }
    try (Connection seeding = connect(name)) {
      new SeedWriter(seeding).write(seed);
    } catch (SQLException | RuntimeException e) {
      try (Statement statement = admin.createStatement()) {
        statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
      throw e;
    }
    templates.put(key, name);
    return name;
  }

  private void start() throws SQLException {
    if (closed) {
      throw new IllegalStateException("the datatable server was stopped");
    }
    if (postgres != null) {
      return;
    }
    try {
      postgres =
          EmbeddedPostgres.builder()
              .setRegisterShutdownHook(true)
              .setServerConfig("max_connections", "200")
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "the embedded PostgreSQL did not start: " + e.getMessage(), e);
    }
    admin = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
    try (Statement statement = admin.createStatement()) {
      statement.execute(
          "CREATE ROLE " + ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION");
    }
  }

  private Connection connect(String database) throws SQLException {
    Connection connection = DriverManager.getConnection(postgres.getJdbcUrl(ROLE, database));
    try (Statement statement = connection.createStatement()) {
      // A model's runaway query must not hold the attempt forever.
      statement.execute("SET statement_timeout = '30s'");
      statement.execute("SET TimeZone = 'UTC'");
    }
    return connection;
  }

  private static String digest(DatatableSeed.Datatable seed) {
    try {
      byte[] json =
          Mappers.json()
              .writeValueAsString(new DatatableSeed(java.util.List.of(seed)).toJson())
              .getBytes(StandardCharsets.UTF_8);
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(json);
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stops PostgreSQL and removes its data directory; attempts still open fail from then on. */
  @Override
  public synchronized void close() {
    closed = true;
    try {
      if (admin != null) {
        admin.close();
      }
    } catch (SQLException e) {
      // PostgreSQL is stopped right after; a failed close of its connection changes nothing.
    }
    try {
      if (postgres != null) {
        postgres.close();
      }
    } catch (IOException e) {
      throw new IllegalStateException("the embedded PostgreSQL did not stop: " + e.getMessage(), e);
    } finally {
      postgres = null;
      admin = null;
    }
  }
}
