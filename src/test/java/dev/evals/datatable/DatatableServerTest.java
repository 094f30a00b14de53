package dev.evals.datatable;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.json.Mappers;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DatatableServerTest {

  static final String ORDERS =
      """
      [{"datatable_name": "main", "schemas": {"public": {
        "orders": {"columns": {"id": "int4", "customer_id": "int4", "total": "numeric",
                               "status": "text", "created_at": "timestamptz"},
                   "rows": [
          {"id": 1, "customer_id": 1, "total": 42.5, "status": "shipped", "created_at": "2026-05-01T10:00:00Z"},
          {"id": 2, "customer_id": 2, "total": 19.99, "status": "pending", "created_at": "2026-05-02T11:30:00Z"},
          {"id": 3, "customer_id": 1, "total": 88, "status": "shipped", "created_at": "2026-05-03T09:15:00Z"}]},
        "customers": {"columns": {"id": "int4", "name": "text", "email": "text", "tier": "text"},
                      "rows": [
          {"id": 1, "name": "Alice", "email": "alice@example.com", "tier": "gold"},
          {"id": 2, "name": "Bob", "email": "bob@example.com", "tier": "silver"}]}}}}]
      """;

  static DatatableServer server;

  @BeforeAll
  static void start() {
    server = DatatableServer.lazy();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static DatatableSeed seed(String json) throws Exception {
    return DatatableSeed.parse(Mappers.json().readTree(json));
  }

  static List<ObjectNode> rows(AttemptDatatables datatables, String sql) {
    SqlOutcome outcome = datatables.exec("main", sql);
    assertThat(outcome).isInstanceOf(SqlOutcome.Rows.class);
    return ((SqlOutcome.Rows) outcome).rows();
  }

  /** The rows as JSON text, so 3 and 3.0 differ and the column order counts. */
  static List<String> text(AttemptDatatables datatables, String sql) {
    return rows(datatables, sql).stream().map(ObjectNode::toString).toList();
  }

  static JsonNode json(String text) throws Exception {
    return Mappers.json().readTree(text);
  }

  static String norm(String text) throws Exception {
    return json(text).toString();
  }

  @Test
  void seedsRowsFromWindmillsFixtureFormatWithTheirTypes() throws Exception {
    try (AttemptDatatables attempt = server.attempt(seed(ORDERS))) {
      assertThat(text(attempt, "SELECT id, total, status, created_at FROM orders ORDER BY id"))
          .containsExactly(
              norm(
                  "{\"id\":1,\"total\":42.5,\"status\":\"shipped\","
                      + "\"created_at\":\"2026-05-01T10:00:00Z\"}"),
              norm(
                  "{\"id\":2,\"total\":19.99,\"status\":\"pending\","
                      + "\"created_at\":\"2026-05-02T11:30:00Z\"}"),
              norm(
                  "{\"id\":3,\"total\":88,\"status\":\"shipped\","
                      + "\"created_at\":\"2026-05-03T09:15:00Z\"}"));
    }
  }

  @Test
  void createsInsertsUpdatesWithWhereAndJoinsOnTheAttemptsOwnDatabase() throws Exception {
    try (AttemptDatatables attempt = server.attempt(seed(ORDERS))) {
      rows(attempt, "CREATE TABLE public.notes (id serial PRIMARY KEY, order_id int4, body text)");
      rows(attempt, "INSERT INTO notes (order_id, body) VALUES (1, 'fragile'), (3, 'gift')");
      rows(attempt, "UPDATE orders SET status = 'cancelled' WHERE id = 2");
      assertThat(rows(attempt, "SELECT id, status FROM orders ORDER BY id"))
          .extracting(row -> row.path("status").asText())
          .containsExactly("shipped", "cancelled", "shipped");
      assertThat(
              text(
                  attempt,
                  "SELECT c.name, n.body FROM notes n JOIN orders o ON o.id = n.order_id"
                      + " JOIN customers c ON c.id = o.customer_id ORDER BY n.id"))
          .containsExactly(
              norm("{\"name\":\"Alice\",\"body\":\"fragile\"}"),
              norm("{\"name\":\"Alice\",\"body\":\"gift\"}"));
      assertThat(attempt.tables("main"))
          .containsEntry("public", List.of("customers", "notes", "orders"));
    }
  }

  @Test
  void aSeededSerialKeyIsGeneratedAfterTheSeededIds() throws Exception {
    try (AttemptDatatables attempt = server.attempt(seed(ORDERS))) {
      assertThat(
              text(
                  attempt,
                  "INSERT INTO customers (name, email, tier) VALUES ('Cy', 'cy@example.com',"
                      + " 'gold') RETURNING id"))
          .containsExactly(norm("{\"id\":3}"));
    }
  }

  @Test
  void attemptsRunningAtOnceNeverSeeEachOthersWrites() throws Exception {
    DatatableSeed seed = seed(ORDERS);
    CyclicBarrier bothWrote = new CyclicBarrier(2);
    CompletableFuture<List<ObjectNode>> first =
        CompletableFuture.supplyAsync(() -> writeThenRead(seed, "first", bothWrote));
    CompletableFuture<List<ObjectNode>> second =
        CompletableFuture.supplyAsync(() -> writeThenRead(seed, "second", bothWrote));
    assertThat(first.get()).extracting(row -> row.path("name").asText()).containsExactly("first");
    assertThat(second.get()).extracting(row -> row.path("name").asText()).containsExactly("second");
  }

  @Test
  void aLaterAttemptOfTheSameSeedSeesOnlyTheSeedWhileOrAfterAnEarlierOneWrote() throws Exception {
    DatatableSeed seed = seed(ORDERS);
    AttemptDatatables first = server.attempt(seed);
    rows(first, "CREATE TABLE public.refunds (order_id int4 NOT NULL, amount numeric NOT NULL)");
    rows(first, "INSERT INTO public.refunds (order_id, amount) VALUES (2, 5.50)");
    rows(first, "DELETE FROM customers WHERE id = 2");

    try (AttemptDatatables whileOpen = server.attempt(seed)) {
      assertThat(whileOpen.exec("main", "SELECT * FROM public.refunds"))
          .isInstanceOf(SqlOutcome.Failed.class);
      assertThat(text(whileOpen, "SELECT id FROM customers ORDER BY id"))
          .containsExactly("{\"id\":1}", "{\"id\":2}");
    }
    first.close();
    try (AttemptDatatables after = server.attempt(seed)) {
      assertThat(text(after, "SELECT count(*) AS n FROM customers")).containsExactly("{\"n\":2}");
      // listed from the attempt's database, now opened, not from the seed
      assertThat(after.tables("main")).containsEntry("public", List.of("customers", "orders"));
    }
  }

  private static List<ObjectNode> writeThenRead(
      DatatableSeed seed, String name, CyclicBarrier bothWrote) {
    try (AttemptDatatables attempt = server.attempt(seed)) {
      rows(attempt, "DELETE FROM customers");
      rows(
          attempt,
          "INSERT INTO customers (name, email, tier) VALUES ('" + name + "', 'x@y.z', 'gold')");
      bothWrote.await();
      return rows(attempt, "SELECT name FROM customers");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aSyntaxErrorIsPostgresqlsMessageNotAnException() throws Exception {
    try (AttemptDatatables attempt = server.attempt(seed(ORDERS))) {
      SqlOutcome outcome = attempt.exec("main", "SELEC * FROM orders");
      assertThat(outcome).isInstanceOf(SqlOutcome.Failed.class);
      assertThat(((SqlOutcome.Failed) outcome).message()).contains("syntax error at or near");
      assertThat(text(attempt, "SELECT count(*) AS n FROM orders"))
          .containsExactly(norm("{\"n\":3}"));
    }
  }

  @Test
  void aTransactionLeftOpenIsRolledBackLikeAWindmillJob() throws Exception {
    try (AttemptDatatables attempt = server.attempt(seed(ORDERS))) {
      rows(attempt, "BEGIN; DELETE FROM orders");
      rows(attempt, "BEGIN; DELETE FROM orders WHERE id = 1; COMMIT");
      assertThat(rows(attempt, "SELECT id FROM orders ORDER BY id"))
          .extracting(row -> row.path("id").asInt())
          .containsExactly(2, 3);
    }
  }

  @Test
  void theAttemptsDatabaseIsDroppedWhenTheAttemptEnds() throws Exception {
    AttemptDatatables attempt = server.attempt(seed(ORDERS));
    rows(attempt, "SELECT 1");
    String database = attempt.databases().get("main");
    assertThat(server.exists(database)).isTrue();
    attempt.close();
    assertThat(server.exists(database)).isFalse();
  }

  @Test
  void theModelsSqlCannotRunProgramsOrReachOtherDatabases() throws Exception {
    try (AttemptDatatables attempt = server.attempt(seed(ORDERS))) {
      assertThat(attempt.exec("main", "COPY orders TO PROGRAM 'true'"))
          .isInstanceOf(SqlOutcome.Failed.class);
      assertThat(attempt.exec("main", "SELECT pg_read_file('/etc/hostname')"))
          .isInstanceOf(SqlOutcome.Failed.class);
      assertThat(attempt.exec("main", "CREATE DATABASE other"))
          .isInstanceOf(SqlOutcome.Failed.class);
      assertThat(attempt.exec("main", "DROP DATABASE postgres"))
          .isInstanceOf(SqlOutcome.Failed.class);
    }
  }

  @Test
  void appFixtureColumnsWithDefaultsAndSequencesBecomeRealColumns() throws Exception {
    String app =
        """
        [{"datatable_name": "main", "schemas": {"public": {"todos": {
          "id": "int4=nextval('seq'::regclass)", "title": "text", "done": "bool=false",
          "body": "text?", "created_at": "timestamp=now()"}}}}]
        """;
    try (AttemptDatatables attempt = server.attempt(seed(app))) {
      rows(attempt, "INSERT INTO todos (title) VALUES ('write tests')");
      assertThat(text(attempt, "SELECT id, title, done, body FROM todos"))
          .containsExactly(
              norm("{\"id\":1,\"title\":\"write tests\",\"done\":false,\"body\":null}"));
      assertThat(attempt.exec("main", "INSERT INTO todos (body) VALUES ('no title')"))
          .isInstanceOf(SqlOutcome.Failed.class);
      assertThat(attempt.columns("main", "public", "todos").orElseThrow())
          .extractingFromEntries(e -> e.getKey() + ":" + e.getValue().compact())
          .containsExactly(
              "id:int4=nextval('seq'::regclass)",
              "title:text",
              "done:bool=false",
              "body:text?",
              "created_at:timestamp=now()");
    }
  }

  @Test
  void anAttemptThatNeverTouchesItsDatatablesStartsNoDatabase() throws Exception {
    try (DatatableServer unused = DatatableServer.lazy();
        AttemptDatatables attempt = unused.attempt(seed(ORDERS))) {
      assertThat(attempt.tables("main")).containsEntry("public", List.of("customers", "orders"));
      assertThat(attempt.snapshot()).isEqualTo(seed(ORDERS));
      assertThat(unused.started()).isFalse();
    }
  }

  @Test
  void theSnapshotHoldsTheRowsAsTheyAreNow() throws Exception {
    try (AttemptDatatables attempt = server.attempt(seed(ORDERS))) {
      rows(attempt, "DELETE FROM orders WHERE status = 'shipped'");
      DatatableSeed.Table orders =
          attempt.snapshot().datatable("main").orElseThrow().tables().stream()
              .filter(t -> t.name().equals("orders"))
              .findFirst()
              .orElseThrow();
      assertThat(orders.rows()).extracting(row -> row.path("id").asInt()).containsExactly(2);
      try (AttemptDatatables again = server.attempt(attempt.snapshot())) {
        assertThat(rows(again, "SELECT id FROM orders")).hasSize(1);
      }
    }
  }

  @Test
  void closingTheServerStopsPostgresql() throws Exception {
    DatatableServer own = DatatableServer.lazy();
    try (AttemptDatatables attempt = own.attempt(seed(ORDERS))) {
      rows(attempt, "SELECT 1");
      assertThat(own.started()).isTrue();
    }
    own.close();
    assertThat(own.started()).isFalse();
  }
}
