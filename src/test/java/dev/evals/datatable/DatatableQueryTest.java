package dev.evals.datatable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals.json.Mappers;
import dev.evals.validate.Check;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DatatableQueryTest {

  static DatatableServer server;

  @BeforeAll
  static void start() {
    server = DatatableServer.lazy();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static DatatableQuery query(String yaml) throws Exception {
    return Mappers.yaml().readValue(yaml, DatatableQuery.class);
  }

  static Stream<Arguments> rules() {
    String ids = "sql: SELECT id, status FROM orders WHERE status = 'shipped'\n";
    return Stream.of(
        Arguments.of(
            ids + "expectRows: [{id: 3, status: shipped}, {id: 1, status: shipped}]", true, ""),
        Arguments.of(
            ids + "ordered: true\nexpectRows: [{id: 3, status: shipped}, {id: 1, status: shipped}]",
            false,
            "row 1 should be"),
        Arguments.of(
            ids.replace("'shipped'", "'shipped' ORDER BY id")
                + "ordered: true\nexpectRows: [{status: shipped, id: 1}, {id: 3, status: shipped}]",
            true,
            ""),
        Arguments.of(ids + "expectRows: [{id: 1, status: shipped}]", false, "unexpected"),
        Arguments.of(
            ids + "expectRows: [{id: '1', status: shipped}, {id: 3, status: shipped}]",
            false,
            "missing [{\"id\":\"1\""),
        Arguments.of(
            "sql: SELECT total FROM orders WHERE id = 3\nexpectRows: [{total: 88.0}]", true, ""),
        Arguments.of(
            "sql: SELECT total, status FROM orders WHERE id = 3\nexpectRows: [{total: 88}]",
            false,
            "missing"),
        Arguments.of("sql: SELECT * FROM nope\nexpectRows: []", false, "the query failed"),
        Arguments.of(
            "datatable: other\nsql: SELECT 1\nexpectRows: []",
            false,
            "the case has no datatable other"));
  }

  @ParameterizedTest
  @MethodSource("rules")
  void comparesRowsAsAMultisetByValueUnlessOrdered(String yaml, boolean passes, String detail)
      throws Exception {
    try (AttemptDatatables attempt =
        server.attempt(DatatableServerTest.seed(DatatableServerTest.ORDERS))) {
      Check check = query(yaml).check(attempt);
      assertThat(check.passed()).isEqualTo(passes);
      assertThat(check.detail()).contains(detail);
      assertThat(check.name()).startsWith("datatable ").contains("query returns the expected rows");
    }
  }

  @Test
  void seesTheAttemptsWrites() throws Exception {
    try (AttemptDatatables attempt =
        server.attempt(DatatableServerTest.seed(DatatableServerTest.ORDERS))) {
      attempt.exec("main", "UPDATE orders SET status = 'lost' WHERE id = 2");
      assertThat(
              query("sql: SELECT id FROM orders WHERE status = 'lost'\nexpectRows: [{id: 2}]")
                  .check(attempt)
                  .passed())
          .isTrue();
    }
  }

  @Test
  void needsSqlAndExpectedRows() {
    assertThatThrownBy(() -> query("expectRows: []")).hasMessageContaining("sql");
    assertThatThrownBy(() -> query("sql: SELECT 1")).hasMessageContaining("expectRows");
  }
}
