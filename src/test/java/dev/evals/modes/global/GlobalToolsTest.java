package dev.evals.modes.global;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.agent.Tool;
import dev.evals.agent.ToolReply;
import dev.evals.datatable.DatatableSeed;
import dev.evals.datatable.DatatableServer;
import dev.evals.json.Mappers;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlobalToolsTest {

  private static final String WORKSPACE =
      """
      {"workspace": {
         "scripts": [{"path": "f/evals/greet", "summary": "Greets", "language": "bun",
                      "content": "export async function main(name: string) {\\n  return `Hi ${name}`\\n}\\n"}],
         "jobs": [{"id": "job-1", "scriptPath": "f/etl/sync", "success": false, "logs": "ERROR: refused"}],
         "datatables": [{"datatable_name": "main", "schemas": {"public": {"orders": {
            "columns": {"id": "int4", "total": "numeric"}, "rows": []}}}}]},
       "user": {"username": "bob", "is_admin": false, "folders": ["team_a"],
                "folders_read": ["team_a", "team_b"]}}
      """;

  private final GlobalSession session = session(WORKSPACE);

  @Test
  void offersEveryToolWindmillsCasesName() {
    List<String> names = session.tools().stream().map(Tool::name).toList();

    assertThat(names)
        .contains(
            "write_script",
            "edit_script",
            "write_flow",
            "write_schedule",
            "write_trigger",
            "write_variable",
            "write_resource",
            "read_workspace_item",
            "list_workspace_items",
            "deploy_workspace_item",
            "delete_workspace_item",
            "create_folder",
            "init_app",
            "write_app_file",
            "read_app_file",
            "write_app_runnable",
            "search_app",
            "search_resource_types",
            "list_datatables",
            "get_datatable_table_schema",
            "exec_datatable_sql",
            "list_runs",
            "get_job_logs",
            "get_instructions",
            "search_docs",
            "askUserQuestion");
  }

  @Test
  void aWriteLeavesADraftAndTheDeployedItemUnchanged() {
    ToolReply reply =
        call(
            "edit_script",
            "{\"path\": \"f/evals/greet\", \"old_string\": \"Hi\", \"new_string\": \"Hello\"}");

    assertThat(reply.isError()).as(reply.content()).isFalse();
    assertThat(session.workspace().drafts())
        .singleElement()
        .satisfies(d -> assertThat(d.valueText()).contains("Hello ${name}"));
    assertThat(session.workspace().deployed())
        .singleElement()
        .satisfies(d -> assertThat(d.valueText()).contains("Hi ${name}"));
    assertThat(
            call("read_workspace_item", "{\"type\": \"script\", \"path\": \"f/evals/greet\"}")
                .content())
        .contains("Hello ${name}")
        .contains("\"isDraft\" : true");
  }

  @Test
  void deployingAndDeletingAreRecordedInTheArtifact() {
    call(
        "write_script",
        "{\"path\": \"f/team_a/x\", \"language\": \"bun\", \"content\": \"export async function main() { return 1 }\"}");
    call("deploy_workspace_item", "{\"type\": \"script\", \"path\": \"f/team_a/x\"}");
    call("delete_workspace_item", "{\"type\": \"script\", \"path\": \"f/evals/greet\"}");

    JsonNode artifact = session.artifact();
    assertThat(artifact.path("drafts")).isEmpty();
    assertThat(artifact.path("deployed").get(0).path("path").asText()).isEqualTo("f/team_a/x");
    assertThat(artifact.path("deleted").get(0).asText()).isEqualTo("script:f/evals/greet");
  }

  @Test
  void refusesAFolderTheUserCanOnlyRead() {
    ToolReply reply = call("write_flow", "{\"path\": \"f/team_b/today\", \"modules\": \"[]\"}");

    assertThat(reply.isError()).isTrue();
    assertThat(reply.content()).contains("can only read folder f/team_b");
    assertThat(session.workspace().drafts()).isEmpty();
  }

  @Test
  void aSecretVariableValueStaysOutOfTheDraft() {
    call(
        "write_variable",
        "{\"path\": \"f/team_a/token\", \"value\": \"xoxb-secret\", \"is_secret\": true, \"description\": \"Bot token\"}");

    assertThat(session.artifact().toString()).doesNotContain("xoxb-secret").contains("Bot token");
  }

  @Test
  void runsAndLogsComeFromTheFixture() {
    assertThat(call("list_runs", "{}").content()).contains("f/etl/sync").doesNotContain("refused");
    assertThat(call("get_job_logs", "{\"id\": \"job-1\"}").content()).contains("ERROR: refused");
    assertThat(call("get_job_logs", "{\"id\": \"nope\"}").isError()).isTrue();
  }

  @Test
  void datatablesAreListedAndDescribedFromTheSeed() {
    assertThat(call("list_datatables", "{}").content()).contains("main").contains("orders");
    assertThat(
            call(
                    "get_datatable_table_schema",
                    "{\"datatable_name\": \"main\", \"schema_name\": \"public\", \"table_name\": \"orders\"}")
                .content())
        .contains("numeric");
    assertThat(
            session(InitialWorkspaceTest.EMPTY_USER).tools().stream()
                .filter(t -> t.name().equals("list_datatables"))
                .findFirst()
                .orElseThrow()
                .call(Mappers.json().createObjectNode())
                .content())
        .contains("Datatables are not created by SQL");
  }

  @Test
  void appFilesAreSearchedAndPaged() {
    call("init_app", "{\"path\": \"f/team_a/app\", \"framework\": \"react19\"}");
    call(
        "write_app_file",
        "{\"path\": \"f/team_a/app\", \"file_path\": \"/lib/util.ts\", \"content\": \"a\\nformatMoney(1)\\nc\\n\"}");

    assertThat(
            call("search_app", "{\"path\": \"f/team_a/app\", \"query\": \"FORMATMONEY(\"}")
                .content())
        .isEqualTo("/lib/util.ts:2: formatMoney(1)");
    assertThat(
            call(
                    "read_app_file",
                    "{\"path\": \"f/team_a/app\", \"file_path\": \"/lib/util.ts\", \"offset\": 2, \"limit\": 1}")
                .content())
        .startsWith("formatMoney(1)\n")
        .contains("pass offset 3 for more");
  }

  @Test
  void docsSearchSaysPlainlyItIsNotAvailableOffline() {
    assertThat(call("search_docs", "{\"query\": \"retries\"}").content())
        .contains("not available offline");
  }

  @Test
  void sqlRunsOnTheAttemptsOwnDatatable() {
    call(
        "exec_datatable_sql",
        "{\"datatable_name\": \"main\", \"sql\": \"INSERT INTO public.orders (id, total) VALUES"
            + " (1, 9.5), (2, 3)\"}");

    ToolReply reply =
        call(
            "exec_datatable_sql",
            "{\"datatable_name\": \"main\", \"sql\": \"SELECT total FROM public.orders WHERE id ="
                + " 1\"}");

    assertThat(reply.isError()).as(reply.content()).isFalse();
    assertThat(reply.content()).contains("9.5").doesNotContain("3");
    session.close();
  }

  private ToolReply call(String tool, String args) {
    try {
      return session.tools().stream()
          .filter(t -> t.name().equals(tool))
          .findFirst()
          .orElseThrow()
          .call(Mappers.json().readTree(args));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static GlobalSession session(String fixture) {
    try {
      InitialWorkspace initial = InitialWorkspace.fromJson(Mappers.json().readTree(fixture));
      DatatableSeed seed = DatatableSeed.parse(initial.datatables());
      return new GlobalSession(
          "prompt",
          initial,
          new GlobalValidator(GlobalRules.NONE),
          seed,
          DatatableServer.shared().attempt(seed));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
