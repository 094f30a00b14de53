package dev.evals.datatable;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.agent.Tool;
import dev.evals.agent.ToolReply;
import dev.evals.json.Mappers;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatatableToolsTest {

  static DatatableServer server;
  AttemptDatatables attempt;

  @BeforeAll
  static void start() {
    server = DatatableServer.lazy();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void open() throws Exception {
    attempt = server.attempt(DatatableServerTest.seed(DatatableServerTest.ORDERS));
  }

  @AfterEach
  void close() {
    attempt.close();
  }

  static Tool tool(List<Tool> tools, String name) {
    return tools.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  static ToolReply call(List<Tool> tools, String name, String args) throws Exception {
    return tool(tools, name).call(Mappers.json().readTree(args.replace('\'', '"')));
  }

  static JsonNode json(ToolReply reply) throws Exception {
    return Mappers.json().readTree(reply.content());
  }

  @Test
  void haveWindmillsNamesAndArguments() {
    List<Tool> global = DatatableTools.workspace(attempt);
    assertThat(global)
        .extracting(Tool::name)
        .containsExactly("list_datatables", "get_datatable_table_schema", "exec_datatable_sql");
    assertThat(tool(global, "exec_datatable_sql").spec().inputSchema().path("required").toString())
        .isEqualTo("[\"datatable_name\",\"sql\"]");
    assertThat(
            tool(global, "get_datatable_table_schema")
                .spec()
                .inputSchema()
                .path("required")
                .toString())
        .isEqualTo("[\"datatable_name\",\"schema_name\",\"table_name\"]");
    assertThat(
            tool(DatatableTools.app(attempt), "exec_datatable_sql")
                .spec()
                .inputSchema()
                .path("properties")
                .has("new_table"))
        .isTrue();
  }

  @Test
  void listsDatatablesWithTheirTablesAndTheAppCountsThem() throws Exception {
    assertThat(json(call(DatatableTools.workspace(attempt), "list_datatables", "{}")).toString())
        .isEqualTo(
            "[{\"datatable_name\":\"main\",\"schemas\":{\"public\":[\"customers\",\"orders\"]}}]");
    assertThat(
            json(call(DatatableTools.app(attempt), "list_datatables", "{}"))
                .get(0)
                .path("tableCount")
                .asInt())
        .isEqualTo(2);
  }

  @Test
  void aTableCreatedBySqlIsListedAndHasItsSchema() throws Exception {
    List<Tool> tools = DatatableTools.workspace(attempt);
    ToolReply created =
        call(
            tools,
            "exec_datatable_sql",
            "{'datatable_name': 'main', 'sql': 'CREATE TABLE tags (id serial, label text NOT NULL)'}");
    assertThat(created.isError()).isFalse();
    assertThat(json(created).toString())
        .isEqualTo("{\"success\":true,\"rowCount\":0,\"result\":[]}");
    assertThat(call(tools, "list_datatables", "{}").content()).contains("\"tags\"");
    JsonNode schema =
        json(
            call(
                tools,
                "get_datatable_table_schema",
                "{'datatable_name': 'main', 'schema_name': 'public', 'table_name': 'tags'}"));
    assertThat(schema.path("columns").path("label").asText()).isEqualTo("text");
    assertThat(schema.path("columns").path("id").asText()).startsWith("int4=nextval(");
  }

  @Test
  void selectsAnswerRowsWithTheirCount() throws Exception {
    JsonNode answer =
        json(
            call(
                DatatableTools.workspace(attempt),
                "exec_datatable_sql",
                "{'datatable_name': 'main', 'sql': 'SELECT name FROM customers WHERE id = 1'}"));
    assertThat(answer.toString())
        .isEqualTo("{\"success\":true,\"rowCount\":1,\"result\":[{\"name\":\"Alice\"}]}");
  }

  @Test
  void moreThanAHundredRowsAreCutWithANote() throws Exception {
    JsonNode answer =
        json(
            call(
                DatatableTools.workspace(attempt),
                "exec_datatable_sql",
                "{'datatable_name': 'main', 'sql': 'SELECT g FROM generate_series(1, 150) g'}"));
    assertThat(answer.path("rowCount").asInt()).isEqualTo(150);
    assertThat(answer.path("result")).hasSize(100);
    assertThat(answer.path("note").asText()).isEqualTo("Showing first 100 of 150 rows");
  }

  @Test
  void anSqlErrorIsAToolErrorCarryingPostgresqlsMessage() throws Exception {
    ToolReply reply =
        call(
            DatatableTools.workspace(attempt),
            "exec_datatable_sql",
            "{'datatable_name': 'main', 'sql': 'SELECT * FROM missing'}");
    assertThat(reply.isError()).isTrue();
    assertThat(json(reply).path("success").asBoolean()).isFalse();
    assertThat(json(reply).path("error").asText()).contains("relation \"missing\" does not exist");
  }

  @Test
  void anUnknownDatatableOrTableIsAnErrorTheModelCanActOn() throws Exception {
    List<Tool> tools = DatatableTools.workspace(attempt);
    ToolReply sql =
        call(tools, "exec_datatable_sql", "{'datatable_name': 'analytics', 'sql': 'SELECT 1'}");
    assertThat(sql.isError()).isTrue();
    assertThat(json(sql).path("error").asText())
        .startsWith("Datatable \"analytics\" is not configured in this workspace");
    ToolReply table =
        call(
            tools,
            "get_datatable_table_schema",
            "{'datatable_name': 'main', 'schema_name': 'public', 'table_name': 'nope'}");
    assertThat(table.content())
        .isEqualTo(
            "Error getting table schema: table \"public.nope\" not found in datatable \"main\"");
  }

  @Test
  void aWorkspaceWithoutDatatablesSaysSoAsWindmillDoes() throws Exception {
    try (AttemptDatatables none = server.attempt(DatatableSeed.EMPTY)) {
      assertThat(call(DatatableTools.workspace(none), "list_datatables", "{}").content())
          .startsWith("No datatables are configured in this workspace.");
    }
  }
}
