package dev.evals.modes.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.cases.CaseRuntime;
import dev.evals.datatable.ColumnType;
import dev.evals.datatable.DatatableSeed;
import dev.evals.json.Mappers;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The app editor's user message: {@code ## SELECTED CONTEXT:} with the items the user mentioned
 * ({@code runtime.appContext}), then {@code ## INSTRUCTIONS:}, worded as Windmill's {@code
 * prepareAppUserMessage} words it.
 */
final class AppContextMessage {

  /** Windmill cuts a context item's text at this length. */
  static final int MAX_CONTENT_LENGTH = 50_000;

  private AppContextMessage() {}

  /**
   * The problem with a mention the initial app cannot resolve, as Windmill's runner refuses it; or
   * empty.
   */
  static Optional<String> unresolved(
      CaseRuntime.Mention mention, AppState app, DatatableSeed datatables) {
    return switch (mention.type()) {
      case "frontend" ->
          app.frontend().containsKey(AppPaths.frontend(mention.path()))
              ? Optional.empty()
              : Optional.of("runtime.appContext: no frontend file " + mention.path());
      case "backend" ->
          app.backend().containsKey(mention.key())
              ? Optional.empty()
              : Optional.of("runtime.appContext: no backend runnable " + mention.key());
      default ->
          columns(mention, datatables).isPresent()
              ? Optional.empty()
              : Optional.of(
                  "runtime.appContext: no datatable table "
                      + mention.datatableName()
                      + "/"
                      + mention.schema()
                      + "."
                      + mention.table());
    };
  }

  static String of(String instructions, List<CaseRuntime.Mention> mentions, DatatableSeed seed) {
    if (mentions.isEmpty()) {
      return instructions;
    }
    StringBuilder content = new StringBuilder("## SELECTED CONTEXT:\n");
    content.append("\n### ADDITIONAL CONTEXT (mentioned by user):\n");
    for (CaseRuntime.Mention mention : mentions) {
      switch (mention.type()) {
        case "frontend" ->
            content.append("\n- Frontend file: ").append(mention.path()).append('\n');
        case "backend" ->
            content.append("\n- Backend runnable: ").append(mention.key()).append('\n');
        default -> datatable(content, mention, columns(mention, seed).orElse(null));
      }
    }
    content.append('\n');
    return content.append("## INSTRUCTIONS:\n").append(instructions).toString();
  }

  private static void datatable(
      StringBuilder content, CaseRuntime.Mention mention, Map<String, ColumnType> columns) {
    String reference =
        mention.schema().equals("public")
            ? mention.datatableName() + "/" + mention.table()
            : mention.datatableName() + "/" + mention.schema() + ":" + mention.table();
    content.append("\n**Table: ").append(reference).append("**\n");
    content.append("- **Datatable**: ").append(mention.datatableName()).append('\n');
    content.append("- **Schema**: ").append(mention.schema()).append('\n');
    content.append("- **Table**: ").append(mention.table()).append('\n');
    if (columns == null) {
      content.append(
          "- **Columns**: not loaded. Use get_datatable_table_schema() if column names or types are"
              + " needed.\n");
      return;
    }
    ObjectNode json = Mappers.json().createObjectNode();
    columns.forEach((column, type) -> json.put(column, type.compact()));
    String text = pretty(json);
    if (text.length() > MAX_CONTENT_LENGTH) {
      text = text.substring(0, MAX_CONTENT_LENGTH) + "\n... [TRUNCATED]";
    }
    content
        .append("- **Columns** (column_name -> type):\n```json\n")
        .append(text)
        .append("\n```\n");
  }

  private static Optional<Map<String, ColumnType>> columns(
      CaseRuntime.Mention mention, DatatableSeed seed) {
    return seed.datatable(mention.datatableName()).stream()
        .flatMap(d -> d.tables().stream())
        .filter(t -> t.schema().equals(mention.schema()) && t.name().equals(mention.table()))
        .findFirst()
        .map(DatatableSeed.Table::columns);
  }

  /** JSON.stringify(value, null, 2): two-space indent, "key": value. */
  private static String pretty(ObjectNode json) {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(
                com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(
                        com.fasterxml.jackson.core.util.Separators.Spacing.AFTER));
    try {
      return Mappers.json().writer(printer).writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
