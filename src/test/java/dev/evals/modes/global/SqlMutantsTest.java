package dev.evals.modes.global;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.evals.modes.global.ExpectedOutcome.Lookup;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlMutantsTest {

  private static Lookup sql(String statement) {
    return new Lookup(
        SqlMutants.TOOL,
        JsonNodeFactory.instance.objectNode().put("datatable_name", "main").put("sql", statement));
  }

  private static List<String> statements(List<Lookup> lookups) {
    return lookups.stream().map(l -> l.args().path("sql").asText(l.tool())).toList();
  }

  @Test
  void eachWritingStatementIsLeftOutOnceAndReadsAndOtherToolsNever() {
    List<Lookup> lookups =
        List.of(
            new Lookup("list_datatables", JsonNodeFactory.instance.objectNode()),
            sql("CREATE TABLE public.refunds (order_id int4, amount numeric)"),
            sql("INSERT INTO public.refunds (order_id, amount) VALUES (2, 5.50)"),
            sql("SELECT order_id FROM public.refunds"));

    List<SqlMutants.Defect> missing =
        SqlMutants.of(lookups).stream().filter(d -> d.defectClass().equals("missing-sql")).toList();

    assertThat(missing).hasSize(2);
    assertThat(statements(missing.get(0).lookups()))
        .containsExactly(
            "list_datatables",
            "INSERT INTO public.refunds (order_id, amount) VALUES (2, 5.50)",
            "SELECT order_id FROM public.refunds");
    assertThat(statements(missing.get(1).lookups())).doesNotContain(statements(lookups).get(2));
  }

  @Test
  void anUpdateLosesItsWhereAndItsLastWholeNumberIsBumpedButNotADecimal() {
    List<SqlMutants.Defect> defects =
        SqlMutants.of(List.of(sql("UPDATE public.invoices SET paid = true WHERE id = 2")));

    assertThat(defects)
        .extracting(SqlMutants.Defect::defectClass)
        .containsExactly("missing-sql", "unscoped-sql", "wrong-sql-value");
    assertThat(statements(defects.get(1).lookups()))
        .containsExactly("UPDATE public.invoices SET paid = true");
    assertThat(statements(defects.get(2).lookups()))
        .containsExactly("UPDATE public.invoices SET paid = true WHERE id = 3");
    assertThat(
            statements(
                SqlMutants.of(List.of(sql("INSERT INTO t (a, b) VALUES (2, 5.50)"))).stream()
                    .filter(d -> d.defectClass().equals("wrong-sql-value"))
                    .findFirst()
                    .orElseThrow()
                    .lookups()))
        .containsExactly("INSERT INTO t (a, b) VALUES (3, 5.50)");
  }

  @Test
  void aCreateTableIsNeitherUnscopedNorBumped() {
    assertThat(SqlMutants.of(List.of(sql("CREATE TABLE t (a int4, b numeric(10, 2))"))))
        .extracting(SqlMutants.Defect::defectClass)
        .containsExactly("missing-sql");
  }
}
