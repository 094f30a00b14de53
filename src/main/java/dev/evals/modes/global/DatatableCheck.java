package dev.evals.modes.global;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.datatable.AttemptDatatables;
import dev.evals.datatable.SqlOutcome;
import dev.evals.modes.global.GlobalRules.DatatableQuery;
import dev.evals.validate.Check;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The {@code datatableQuery} rule: the attempt's own database answers the query as expected. */
final class DatatableCheck {

  private DatatableCheck() {}

  static Check of(DatatableQuery query, AttemptDatatables datatables) {
    String name =
        "datatable " + query.datatable() + " query '" + query.sql() + "' returns the expected rows";
    if (!datatables.has(query.datatable())) {
      return Check.fail(name, "the case's workspace has no datatable " + query.datatable());
    }
    SqlOutcome outcome = datatables.exec(query.datatable(), query.sql());
    if (outcome instanceof SqlOutcome.Failed failed) {
      return Check.fail(name, "the query failed: " + failed.message());
    }
    List<ObjectNode> rows = ((SqlOutcome.Rows) outcome).rows();
    boolean same = rows.size() == query.expectRows().size();
    for (int i = 0; same && i < rows.size(); i++) {
      same = matches(rows.get(i), query.expectRows().get(i));
    }
    return Check.of(name, same, "expected " + query.expectRows() + ", got " + rows);
  }

  private static boolean matches(ObjectNode actual, ObjectNode expected) {
    Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode got = actual.get(field.getKey());
      if (got == null || !equal(got, field.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean equal(JsonNode got, JsonNode want) {
    if (want.isNumber() && (got.isNumber() || got.isTextual())) {
      try {
        return new BigDecimal(got.asText()).compareTo(want.decimalValue()) == 0;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return want.isTextual() ? want.asText().equals(got.asText()) : want.equals(got);
  }
}
