package dev.evals.datatable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/** What one {@code exec_datatable_sql} statement gave: rows, or PostgreSQL's error. */
public sealed interface SqlOutcome {

  /** The rows of the last statement that returned any; empty for DDL and plain DML. */
  record Rows(List<ObjectNode> rows) implements SqlOutcome {
    public Rows {
      rows = List.copyOf(rows);
    }
  }

  /** An error PostgreSQL reported for the model's SQL (syntax, missing table, constraint). */
  record Failed(String message) implements SqlOutcome {
    public Failed {
      Objects.requireNonNull(message, "message");
    }
  }
}
