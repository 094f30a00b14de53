package dev.evals.modes.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.agent.Tool;
import dev.evals.agent.ToolReply;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppToolsTest {

  private final AppSession session =
      AppFixtures.session("prompt", AppFixtures.counter(), new AppValidator(AppRules.NONE, null));

  @Test
  void toolNamesAreTheContract() {
    assertThat(session.tools())
        .extracting(Tool::name)
        .containsExactly(
            "list_app_files",
            "get_app_file",
            "set_app_file",
            "delete_app_file",
            "set_backend_runnable",
            "delete_backend_runnable",
            "list_datatables",
            "get_datatable_table_schema",
            "exec_datatable_sql");
  }

  @Test
  void listsFilesRunnablesAndDatatables() {
    ToolReply reply = call("list_app_files", "{}");

    assertThat(AppFixtures.json(reply.content().replace('"', '\'')))
        .isEqualTo(
            AppFixtures.json(
                "{'frontend': ['/index.tsx'], 'backend': {'increment': {'name': 'Increment',"
                    + " 'type': 'inline', 'language': 'bun'}}, 'datatables': "
                    + AppFixtures.DATATABLES
                    + "}"));
  }

  @Test
  void readsAFrontendFileWithOrWithoutTheLeadingSlash() {
    assertThat(call("get_app_file", "{'path': 'index.tsx'}").content())
        .isEqualTo(AppFixtures.ENTRY);
    assertThat(call("get_app_file", "{'path': '/index.tsx'}").isError()).isFalse();
  }

  @Test
  void readsARunnableThroughTheBackendPrefix() {
    ToolReply reply = call("get_app_file", "{'path': 'backend/increment'}");

    assertThat(reply.isError()).isFalse();
    assertThat(reply.content()).contains("\"language\" : \"bun\"").contains("function main");
  }

  @Test
  void anUnknownPathIsAnErrorListingTheFiles() {
    ToolReply reply = call("get_app_file", "{'path': '/App.tsx'}");

    assertThat(reply.isError()).isTrue();
    assertThat(reply.content()).contains("No frontend file /App.tsx. Files: [/index.tsx]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../x.tsx", "/components/../../x.tsx", "//etc/passwd", "C:/x.tsx"})
  void refusesToWriteOutsideTheAppRoot(String path) {
    ToolReply reply = call("set_app_file", "{'path': '" + path + "', 'content': 'x'}");

    assertThat(reply.isError()).isTrue();
    assertThat(reply.content()).startsWith("The file was not written: '" + path + "'");
    assertThat(session.current()).isEqualTo(AppFixtures.counter());
    assertThat(session.hasArtifact()).isFalse();
  }

  @Test
  void writesAFileAndNotesACallToAMissingRunnable() {
    ToolReply reply =
        call("set_app_file", "{'path': 'components/Reset.tsx', 'content': 'backend.reset()'}");

    assertThat(reply.isError()).isFalse();
    assertThat(reply.content())
        .startsWith("Saved /components/Reset.tsx. Still to fix in the app:")
        .contains("no runnable 'reset'");
    assertThat(session.current().frontend()).containsKey("/components/Reset.tsx");
    assertThat(session.hasArtifact()).isTrue();
  }

  @Test
  void refusesEmptyContentAndBackendPathsAsFrontendFiles() {
    assertThat(call("set_app_file", "{'path': '/a.tsx', 'content': ' '}").content())
        .contains("the content is empty; use delete_app_file");
    assertThat(call("set_app_file", "{'path': 'backend/x/main.ts', 'content': 'x'}").content())
        .contains("use set_backend_runnable");
    assertThat(session.current()).isEqualTo(AppFixtures.counter());
  }

  @Test
  void deletesAFileAndRefusesAnUnknownOne() {
    assertThat(call("delete_app_file", "{'path': '/nope.tsx'}").content())
        .startsWith("Nothing was deleted. No frontend file /nope.tsx.");
    assertThat(call("delete_app_file", "{'path': '../index.tsx'}").content())
        .startsWith("Nothing was deleted: '../index.tsx' escapes the app root");

    assertThat(call("delete_app_file", "{'path': '/index.tsx'}").isError()).isFalse();
    assertThat(session.current().frontend()).isEmpty();
  }

  @Test
  void setsARunnableAndRefusesABadKeyOrLanguage() {
    ToolReply saved =
        call(
            "set_backend_runnable",
            "{'key': 'reset', 'name': 'Reset', 'language': 'python3', 'content': 'def main():"
                + " return 0'}");
    ToolReply badKey =
        call(
            "set_backend_runnable",
            "{'key': '../x', 'name': 'x', 'language': 'bun', 'content': 'x'}");
    ToolReply badLanguage =
        call("set_backend_runnable", "{'key': 'x', 'name': 'x', 'language': 'go', 'content': 'x'}");

    assertThat(saved.content()).isEqualTo("Saved runnable reset.");
    assertThat(session.current().backend().get("reset").mainFileName()).isEqualTo("main.py");
    assertThat(badKey.isError()).isTrue();
    assertThat(badKey.content()).contains("'../x' is not a valid runnable key");
    assertThat(badLanguage.content()).contains("language must be bun or python3, not 'go'");
    assertThat(session.current().backend()).containsOnlyKeys("increment", "reset");
  }

  @Test
  void deletingARunnableStillCalledIsSavedWithANote() {
    assertThat(call("delete_backend_runnable", "{'key': 'nope'}").content())
        .isEqualTo("Nothing was deleted: no runnable 'nope'. Runnables: [increment]");

    ToolReply reply = call("delete_backend_runnable", "{'key': 'increment'}");

    assertThat(reply.isError()).isFalse();
    assertThat(reply.content()).contains("/index.tsx calls backend.increment(...)");
  }

  @Test
  void recordsEveryToolCalledForTheRequiredToolsRule() {
    AppRules rules = new AppRules(null, null, null, List.of("get_app_file"), null);
    AppSession strict =
        AppFixtures.session("p", AppFixtures.counter(), new AppValidator(rules, null));
    String check = "tool get_app_file was used";

    assertThat(AppValidatorTest.find(strict.validate(), check).passed()).isFalse();
    strict.tools().get(1).call(AppFixtures.json("{'path': '/missing.tsx'}"));
    assertThat(AppValidatorTest.find(strict.validate(), check).passed()).isTrue();
  }

  private ToolReply call(String name, String singleQuotedArguments) {
    Tool tool =
        session.tools().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    return tool.call(AppFixtures.json(singleQuotedArguments));
  }
}
