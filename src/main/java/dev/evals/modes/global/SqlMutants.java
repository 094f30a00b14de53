package dev.evals.modes.global;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.modes.global.ExpectedOutcome.Lookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded defects of the SQL a global case's reference runs on its datatables, each a list of
 * lookups with one statement broken: a writing statement left out, an UPDATE or DELETE without its
 * WHERE, and a statement's last whole number one higher (another row targeted or written). Only the
 * case's {@code datatableQuery} on the attempt's own database can catch them.
 */
final class SqlMutants {

  static final String TOOL = "exec_datatable_sql";

  private static final Pattern WHERE = Pattern.compile("(?is)\\s+WHERE\\s.*$");
  private static final Pattern WHOLE_NUMBER = Pattern.compile("(?<![\\w.])(\\d+)(?![\\w.])");

  /** One broken variant of the lookups. */
  record Defect(String defectClass, String description, List<Lookup> lookups) {}

  private SqlMutants() {}

  static List<Defect> of(List<Lookup> lookups) {
    List<Defect> defects = new ArrayList<>();
    for (int i = 0; i < lookups.size(); i++) {
      String sql = writingSql(lookups.get(i));
      if (sql == null) {
        continue;
      }
      List<Lookup> without = new ArrayList<>(lookups);
      without.remove(i);
      defects.add(new Defect("missing-sql", "left out " + sql, without));
      String verb = sql.strip().split("\\s+")[0].toUpperCase(Locale.ROOT);
      Matcher where = WHERE.matcher(sql);
      if ((verb.equals("UPDATE") || verb.equals("DELETE")) && where.find()) {
        String unscoped = sql.substring(0, where.start());
        defects.add(
            new Defect(
                "unscoped-sql", unscoped + " without its WHERE", with(lookups, i, unscoped)));
      }
      String bumped = bumped(sql);
      if (!verb.equals("CREATE") && bumped != null) {
        defects.add(new Defect("wrong-sql-value", sql + " as " + bumped, with(lookups, i, bumped)));
      }
    }
    return defects;
  }

  /** The SQL of a lookup that changes a datatable, or null for a read or another tool. */
  private static String writingSql(Lookup lookup) {
    if (!lookup.tool().equals(TOOL)) {
      return null;
    }
    String sql = lookup.args().path("sql").asText("");
    String verb = sql.strip().split("\\s+")[0].toUpperCase(Locale.ROOT);
    return List.of("CREATE", "INSERT", "UPDATE", "DELETE", "ALTER", "DROP").contains(verb)
        ? sql
        : null;
  }

  private static String bumped(String sql) {
    Matcher number = WHOLE_NUMBER.matcher(sql);
    int start = -1;
    int end = -1;
    while (number.find()) {
      start = number.start();
      end = number.end();
    }
    if (start < 0) {
      return null;
    }
    long value = Long.parseLong(sql.substring(start, end));
    return sql.substring(0, start) + (value + 1) + sql.substring(end);
  }

  private static List<Lookup> with(List<Lookup> lookups, int index, String sql) {
    List<Lookup> changed = new ArrayList<>(lookups);
    ObjectNode args = lookups.get(index).args().deepCopy().put("sql", sql);
    changed.set(index, new Lookup(TOOL, args));
    return changed;
  }
}
