package dev.evals.datatable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.validate.Check;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The validate rule {@code datatableQuery: {sql, expectRows}}: runs {@code sql} on the attempt's
 * final datatable and compares the rows it returns with {@code expectRows}.
 *
 * <p>How rows compare: a row matches when it has exactly the expected columns (their order does not
 * count) and each value is equal, numbers by value ({@code 3}, {@code 3.0} and a numeric {@code
 * 3.00} are equal, {@code "3"} is not), text, booleans and null exactly, json columns as JSON.
 * Timestamps are ISO-8601 text ({@code 2026-05-01T10:00:00Z} for timestamptz, in UTC). The rows
 * compare as a multiset (order ignored, duplicates counted) unless {@code ordered: true}, which
 * compares them in order (say {@code ORDER BY} in the SQL then).
 *
 * @param datatable the datatable to query; when absent, {@code main}
 * @param sql the query
 * @param expectRows the rows it must return, all of them
 * @param ordered whether row order counts
 */
public record DatatableQuery(
    String datatable, String sql, List<ObjectNode> expectRows, boolean ordered) {

  public static final String DEFAULT_DATATABLE = "main";

  public DatatableQuery {
    datatable = datatable == null || datatable.isBlank() ? DEFAULT_DATATABLE : datatable;
    if (sql == null || sql.isBlank()) {
      throw new IllegalArgumentException("datatableQuery needs sql");
    }
    if (expectRows == null) {
      throw new IllegalArgumentException("datatableQuery needs expectRows (a list of rows)");
    }
    expectRows = List.copyOf(expectRows);
  }

  @JsonCreator
  static DatatableQuery of(
      @JsonProperty("datatable") String datatable,
      @JsonProperty(value = "sql", required = true) String sql,
      @JsonProperty(value = "expectRows", required = true) List<ObjectNode> expectRows,
      @JsonProperty("ordered") Boolean ordered) {
    return new DatatableQuery(datatable, sql, expectRows, Boolean.TRUE.equals(ordered));
  }

  /** The check's name, which reads as a sentence naming the query. */
  public String checkName() {
    return "datatable " + datatable + " query returns the expected rows: " + sql.strip();
  }

  /** Runs the query on the attempt's datatable as it is now and compares the rows. */
  public Check check(AttemptDatatables datatables) {
    if (!datatables.has(datatable)) {
      return Check.fail(checkName(), "the case has no datatable " + datatable);
    }
    SqlOutcome outcome = datatables.exec(datatable, sql);
    if (outcome instanceof SqlOutcome.Failed failed) {
      return Check.fail(checkName(), "the query failed: " + failed.message());
    }
    List<ObjectNode> rows = ((SqlOutcome.Rows) outcome).rows();
    String problem = ordered ? orderedProblem(rows) : unorderedProblem(rows);
    return Check.of(checkName(), problem == null, problem + "; got " + shown(rows));
  }

  private String orderedProblem(List<ObjectNode> rows) {
    if (rows.size() != expectRows.size()) {
      return "expected " + expectRows.size() + " row(s), got " + rows.size();
    }
    for (int i = 0; i < rows.size(); i++) {
      if (!sameRow(expectRows.get(i), rows.get(i))) {
        return "row " + (i + 1) + " should be " + expectRows.get(i);
      }
    }
    return null;
  }

  private String unorderedProblem(List<ObjectNode> rows) {
    List<ObjectNode> left = new ArrayList<>(rows);
    List<ObjectNode> missing = new ArrayList<>();
    for (ObjectNode expected : expectRows) {
      Iterator<ObjectNode> candidates = left.iterator();
      boolean found = false;
      while (candidates.hasNext() && !found) {
        if (sameRow(expected, candidates.next())) {
          candidates.remove();
          found = true;
        }
      }
      if (!found) {
        missing.add(expected);
      }
    }
    if (missing.isEmpty() && left.isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    if (!missing.isEmpty()) {
      parts.add("missing " + shown(missing));
    }
    if (!left.isEmpty()) {
      parts.add("unexpected " + shown(left));
    }
    return String.join(", ", parts);
  }

  static boolean sameRow(ObjectNode expected, ObjectNode actual) {
    if (expected.size() != actual.size()) {
      return false;
    }
    Iterator<String> names = expected.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!actual.has(name) || !sameValue(expected.get(name), actual.get(name))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameValue(JsonNode expected, JsonNode actual) {
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    return Objects.equals(expected, actual);
  }

  private static String shown(List<ObjectNode> rows) {
    String text = rows.toString();
    return text.length() > 500 ? text.substring(0, 500) + "…" : text;
  }
}
